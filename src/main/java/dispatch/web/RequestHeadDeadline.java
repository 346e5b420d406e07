package dispatch.web;

import dispatch.config.DispatchConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Closes an HTTP/1 connection that does not send a whole request head within
 * {@code dispatch.http.request-head-timeout} of opening, or of its previous response: a client
 * dripping a request one byte at a time (slowloris) cannot hold a connection, and an idle
 * keep-alive connection is let go after that long. A request's body must come whole within
 * {@code dispatch.http.request-body-timeout} of its head. Also answers an HTTP version other
 * than 1.0 and 1.1 with {@code 505}, and gives Vert.x's bare answers to heads it cannot read
 * ({@code 414}, {@code 431}, {@code 400}) a problem body, like every other error.
 *
 * <p>Vert.x 4.5 offers only idle timeouts, which every byte resets, so the deadline is a Netty
 * handler of Dispatch's own, added to each connection as the HTTP server accepts it. Reaching the
 * server's channel needs one field of Vert.x's internals; should a Vert.x upgrade move it, the
 * start is logged as an error and the server runs without the deadline.
 */
@ApplicationScoped
public class RequestHeadDeadline {

    private static final Logger LOG = Logger.getLogger(RequestHeadDeadline.class);
    private static final String NAME = "dispatchRequestHeadDeadline";
    /** Vert.x's names for its HTTP/1 codec's handlers. */
    private static final String HTTP_DECODER = "httpDecoder";
    private static final String HTTP_ENCODER = "httpEncoder";

    private final Vertx vertx;
    private final Limits limits;

    /** How long a request's head, and then its body, may take to come whole. */
    private record Limits(long headMillis, long bodyMillis) {
    }

    /** The deadlines configured for {@code vertx}'s HTTP servers. */
    public RequestHeadDeadline(Vertx vertx, DispatchConfig config) {
        this.vertx = vertx;
        this.limits = new Limits(config.http().requestHeadTimeout().toMillis(), config.http().requestBodyTimeout().toMillis());
    }

    void onStart(@ObservesAsync HttpServerStart start) {
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                Future<?> bound = (Future<?>) bind.get(server);
                if (bound != null && bound.result() instanceof Channel channel && channel.pipeline().get(NAME) == null) {
                    channel.pipeline().addFirst(NAME, new Acceptor(limits));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.errorf(e, "Cannot set a deadline for request heads: connections may be held open by slow clients");
        }
    }

    /** On the server's channel: gives each accepted connection its deadline. */
    @ChannelHandler.Sharable
    private static final class Acceptor extends ChannelInboundHandlerAdapter {
        private final Limits limits;

        Acceptor(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                child.pipeline().addFirst(NAME, new Installer(limits));
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * First in a new connection's pipeline: once Vert.x has set up its HTTP/1 codec, puts the
     * {@link Deadline} just behind it, where it sees decoded requests and whole responses, and
     * steps aside.
     */
    private static final class Installer extends ChannelInboundHandlerAdapter {
        private final Limits limits;

        Installer(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            install(ctx);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            install(ctx);
            ctx.fireChannelRead(msg);
        }

        private void install(ChannelHandlerContext ctx) {
            if (ctx.isRemoved()) {
                return;
            }
            if (ctx.pipeline().get(HTTP_ENCODER) != null) {
                ctx.pipeline().addAfter(HTTP_ENCODER, NAME + "Active", new Deadline(limits));
                ctx.pipeline().remove(this);
            }
        }
    }

    /**
     * Behind Vert.x's HTTP/1 codec: armed while the connection waits for a request head (from the
     * start, and whenever every request read has been answered), disarmed by each decoded
     * request. A connection upgraded to HTTP/2 loses the codec, and with it the deadline.
     */
    private static final class Deadline extends ChannelDuplexHandler {
        private final Limits limits;
        private ScheduledFuture<?> timer;
        private long requests;
        private long responses;
        private boolean head;
        private boolean readingBody;

        Deadline(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            arm(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                HttpVersion v = request.protocolVersion();
                if (v.majorVersion() != 1 || v.minorVersion() > 1) {
                    ReferenceCountUtil.release(msg);
                    ctx.writeAndFlush(RefusedHead.versionNotSupported()).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                requests++;
                head = HttpMethod.HEAD.equals(request.method());
                disarm();
                readingBody = !(msg instanceof LastHttpContent);
                if (readingBody) {
                    armBody(ctx);
                }
            } else if (msg instanceof LastHttpContent && readingBody) {
                readingBody = false;
                disarm();
                if (responses >= requests) {
                    arm(ctx); // answered before its (empty) body was read: wait for the next head
                }
            }
            ctx.fireChannelRead(msg);
        }

        /** Closes the connection if the request's body has not all come in time (a body dripped byte by byte). */
        private void armBody(ChannelHandlerContext ctx) {
            timer = ctx.executor().schedule(() -> {
                if (readingBody) {
                    ctx.close();
                }
            }, limits.bodyMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            Object msg = message;
            if (msg instanceof FullHttpResponse response && !head && isCodecRefusal(response)) {
                msg = RefusedHead.describe(response);
            }
            if (msg instanceof LastHttpContent) {
                responses++;
                if (responses >= requests && !readingBody) {
                    arm(ctx);
                }
            }
            ctx.write(msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            disarm();
        }

        /**
         * Whether {@code response} is Vert.x's own answer to a request its codec could not
         * read (a request line or head too long, a malformed head): bare, with no body.
         */
        private static boolean isCodecRefusal(FullHttpResponse response) {
            return response.status().code() >= 400 && response.status().code() < 500 && !response.content().isReadable()
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private void arm(ChannelHandlerContext ctx) {
            disarm();
            timer = ctx.executor().schedule(() -> {
                if (ctx.pipeline().get(HTTP_DECODER) == null) {
                    ctx.pipeline().remove(this); // no longer HTTP/1
                } else if (responses >= requests) {
                    ctx.close(); // no whole request head in time
                }
            }, limits.headMillis(), TimeUnit.MILLISECONDS);
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}

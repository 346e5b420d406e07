package dispatch;

import static io.restassured.config.DecoderConfig.decoderConfig;
import static io.restassured.config.RedirectConfig.redirectConfig;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** RestAssured set up to see the wire as it is: no automatic gzip, no redirects followed. */
public final class Http {

    private static final RestAssuredConfig RAW = RestAssured.config()
            .decoderConfig(decoderConfig().noContentDecoders())
            .redirect(redirectConfig().followRedirects(false));

    private Http() {
    }

    /** A request that sends only the headers the test adds (no {@code Accept-Encoding}). */
    public static RequestSpecification raw() {
        return RestAssured.given().config(RAW).urlEncodingEnabled(false);
    }
}

package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedBlocksTest {

    private static List<Block> body() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blocks.add(i % 5 == 0 ? Block.subheading("Part " + i) : Block.paragraph("Paragraph " + i + " of a long article, \u201Cquoted\u201D & escaped <b>."));
        }
        blocks.add(new Block(Block.Kind.PARAGRAPH, "A list", "<ul>\n<li>one</li>\n</ul>"));
        return blocks;
    }

    @Test
    void readsAsTheListItWasMadeFrom() {
        List<Block> blocks = body();
        List<Block> packed = PackedBlocks.of(blocks);
        assertEquals(blocks, packed);
        assertEquals(packed, blocks);
        assertEquals(blocks.hashCode(), packed.hashCode());
        assertEquals(blocks.size(), packed.size());
        assertEquals(blocks.get(20), packed.get(20));
        assertEquals("<ul>\n<li>one</li>\n</ul>", packed.get(20).html());
        assertEquals(blocks, packed.stream().toList());
        assertEquals(blocks, List.copyOf(packed));
        assertEquals(blocks.indexOf(blocks.get(3)), packed.indexOf(blocks.get(3)));
    }

    @Test
    void articlesKeepTheirBodyPackedAndCompareByIt() {
        Article a = new Article("Title", List.of(), body(), FrontMatter.EMPTY);
        Article b = new Article("Title", List.of(), body(), FrontMatter.EMPTY);
        assertEquals(PackedBlocks.class, a.body().getClass());
        assertEquals(a, b);
        List<Block> other = body();
        other.set(4, Block.paragraph("Changed."));
        assertNotEquals(a, new Article("Title", List.of(), other, FrontMatter.EMPTY));
        assertSame(List.of(), PackedBlocks.of(List.of()));
        assertThrows(UnsupportedOperationException.class, () -> a.body().add(Block.paragraph("x")));
    }
}

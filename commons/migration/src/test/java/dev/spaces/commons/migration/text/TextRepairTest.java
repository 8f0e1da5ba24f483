package dev.spaces.commons.migration.text;

import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.text.TextRepair.Repair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRepairTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final String CHINESE = "梯度下降的收敛性：设 $f(x)$ 是凸函数，则 \\(\\nabla f\\) 满足……";

    /**
     * What a UTF-8 application writing through a latin1 connection leaves: each UTF-8 byte read as MySQL's latin1,
     * which is cp1252 except that the five bytes cp1252 leaves undefined stay the C1 controls of that number (the
     * JDK's cp1252 decoder would make them U+FFFD and lose them).
     */
    private static String mojibake(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xFF;
            String c = new String(new byte[] {b}, CP1252);
            out.append(c.equals("\uFFFD") ? String.valueOf((char) u) : c);
        }
        return out.toString();
    }

    @Test
    void validUtf8BytesAreTakenAsTheyAre() {
        TextRepair.Result result = TextRepair.decode(CHINESE.getBytes(StandardCharsets.UTF_8), "post 1");

        assertThat(result.text()).isEqualTo(CHINESE);
        assertThat(result.repair()).isEqualTo(Repair.NONE);
        assertThat(result.repaired()).isFalse();
    }

    @Test
    void gbkBytesAreDecodedAsGbkAndReportedRepaired() {
        String text = "苏剑林的博客：信息时代的数学，评论“很好”";

        TextRepair.Result result = TextRepair.decode(text.getBytes(GBK), "comment 3");

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repair()).isEqualTo(Repair.GBK);
    }

    @Test
    void gbkBytesWithinAsciiMarkupAreDecodedToo() {
        String text = "<p>欧拉公式 $e^{i\\pi}+1=0$ 的证明</p>";

        TextRepair.Result result = TextRepair.decode(text.getBytes(GBK), "post 2");

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repair()).isEqualTo(Repair.GBK);
    }

    @Test
    void bytesThatAreNeitherUtf8NorChineseGbkAreAnEncodingProblemNamingWhere() {
        byte[] latin1 = "café au lait".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> TextRepair.decode(latin1, "table typecho_comments, column text, line 42"))
                .isInstanceOf(SourceProblem.class)
                .satisfies(e -> assertThat(((SourceProblem) e).type()).isEqualTo(SourceProblem.Type.ENCODING))
                .hasMessageContaining("table typecho_comments, column text, line 42")
                .hasMessageContaining("byte 3")
                .hasMessageContaining("E9");
    }

    @Test
    void latin1BytesDeclaredLatin1AreRealLatin1Text() {
        byte[] latin1 = "café, naïve, Œuvre".getBytes(CP1252);

        TextRepair.Result result = TextRepair.decode(latin1, 0, latin1.length, CP1252, "options");

        assertThat(result.text()).isEqualTo("café, naïve, Œuvre");
        assertThat(result.repair()).isEqualTo(Repair.NONE);
    }

    @Test
    void bytesDeclaredGbkAreDecodedAsGbkWithoutBeingCalledARepair() {
        String text = "顶";

        TextRepair.Result result = TextRepair.decode(text.getBytes(GBK), 0, 2, Charset.forName("GB18030"), "c");

        assertThat(result.text()).isEqualTo("顶");
        assertThat(result.repair()).isEqualTo(Repair.NONE);
    }

    @Test
    void theTextbookMojibakeOfTiduIsRepaired() {
        assertThat(mojibake("梯度")).isEqualTo("æ¢¯åº¦");

        TextRepair.Result result = TextRepair.repair("æ¢¯åº¦");

        assertThat(result.text()).isEqualTo("梯度");
        assertThat(result.repair()).isEqualTo(Repair.LATIN1_MOJIBAKE);
    }

    @Test
    void mojibakeOfAWholePostWithTexAndPunctuationIsRepaired() {
        TextRepair.Result result = TextRepair.repair(mojibake(CHINESE));

        assertThat(result.text()).isEqualTo(CHINESE);
        assertThat(result.repair()).isEqualTo(Repair.LATIN1_MOJIBAKE);
    }

    @Test
    void mojibakeThroughIsoLatin1WithC1ControlsIsRepaired() {
        // ISO-8859-1 (and MySQL's latin1 for 0x81, 0x8D, 0x8F, 0x90, 0x9D) keeps those bytes as C1 controls
        String text = "这是一个测试：収敛";
        String isoMojibake = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        TextRepair.Result result = TextRepair.repair(isoMojibake);

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repair()).isEqualTo(Repair.LATIN1_MOJIBAKE);
    }

    @Test
    void doubleMojibakeIsRepairedInTwoLayers() {
        String twice = mojibake(mojibake("矩阵的特征值"));

        TextRepair.Result result = TextRepair.repair(twice);

        assertThat(result.text()).isEqualTo("矩阵的特征值");
        assertThat(result.repair()).isEqualTo(Repair.DOUBLE_LATIN1_MOJIBAKE);
    }

    @Test
    void mojibakeInValidUtf8BytesIsRepairedByDecode() {
        TextRepair.Result result = TextRepair.decode(mojibake("留言：谢谢").getBytes(StandardCharsets.UTF_8), "c");

        assertThat(result.text()).isEqualTo("留言：谢谢");
        assertThat(result.repair()).isEqualTo(Repair.LATIN1_MOJIBAKE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plain ASCII, with 'quotes' and \\backslashes\\",
            "café crème, naïve façade, Ångström, Œuvre — “quoted” …",
            "$$\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}$$",
            "∑ α β γ ≤ ≥ ∞ ∂ ∇ ∈ ℝ",
            "emoji 😀🎉👍 and a flag 🇨🇳",
            "梯度下降 😀 $\\nabla f$",
            "Ã© is what é looks like in mojibake, said the blog post",
            "Â£100, Ã—, Â·",
            "Straße, øre, ñandú",
            ""
    })
    void legitimateTextIsLeftAlone(String text) {
        TextRepair.Result result = TextRepair.repair(text);

        assertThat(result.text()).isSameAs(text);
        assertThat(result.repair()).isEqualTo(Repair.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "café crème",
            "∑ α ≤ ∞ with $\\nabla$",
            "emoji 😀🎉",
            "梯度下降",
            "Straße",
    })
    void legitimateUtf8BytesDecodeUnchanged(String text) {
        TextRepair.Result result = TextRepair.decode(text.getBytes(StandardCharsets.UTF_8), "x");

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repair()).isEqualTo(Repair.NONE);
    }

    @Test
    void mojibakeOfEmojiAndMathWithoutChineseIsRepaired() {
        // 3- and 4-byte UTF-8 hidden in latin1 characters is mojibake, not chance
        TextRepair.Result result = TextRepair.repair(mojibake("nice 👍, ∑ α"));

        assertThat(result.text()).isEqualTo("nice 👍, ∑ α");
        assertThat(result.repair()).isEqualTo(Repair.LATIN1_MOJIBAKE);
    }

    @Test
    void doubleMojibakeOfASmartQuoteIsNotStoppedHalfway() {
        // the first layer, "â€™", is itself made of wide characters (€ ™) a latin1 decoder can produce
        TextRepair.Result result = TextRepair.repair(mojibake(mojibake("他说：“好” 😀")));

        assertThat(result.text()).isEqualTo("他说：“好” 😀");
        assertThat(result.repair()).isEqualTo(Repair.DOUBLE_LATIN1_MOJIBAKE);
    }

    @Test
    void latin1BytesThatHappenToDecodeAsRareGbkAreNotTakenForGbk() {
        // "cafés": E9 73 is a valid GBK pair (a rare hanzi), but no Chinese blog writes it
        byte[] latin1 = "cafés".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TextRepair.decode(latin1, 0, latin1.length, CP1252, "x").text()).isEqualTo("cafés");
        assertThatThrownBy(() -> TextRepair.decode(latin1, "x")).isInstanceOf(SourceProblem.class);
    }

    @Test
    void gbkBytesReadAsLatin1AreRepaired() {
        // an old GBK blog on latin1 tables dumped by today's mysqldump: each GBK byte became a latin1 character
        String text = "苏剑林的博客：信息时代的数学";
        String asLatin1 = new String(text.getBytes(GBK), StandardCharsets.ISO_8859_1);

        TextRepair.Result result = TextRepair.repair(asLatin1);

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repair()).isEqualTo(Repair.GBK_READ_AS_LATIN1);
        assertThat(TextRepair.repair(new String("顶".getBytes(GBK), CP1252)).text()).isEqualTo("顶");
    }

    @ParameterizedTest
    @ValueSource(strings = {"réélu", "Pérez Ibáñez", "cafés", "naïve", "Ångström"})
    void latin1WordsThatHappenToBeValidGbkBytesAreNotTakenForGbk(String word) {
        assertThat(TextRepair.repair(word).repair()).isEqualTo(Repair.NONE);
        byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextRepair.decode(bytes, 0, bytes.length, CP1252, "x").text()).isEqualTo(word);
    }

    @Test
    void mojibakeOfNonChineseTextIsNotGuessedAt() {
        // "é" read as latin1 is "Ã©": could be mojibake, could be a post about mojibake; without Chinese, leave it
        assertThat(TextRepair.repair("cafÃ©").repair()).isEqualTo(Repair.NONE);
    }

    @Test
    void nullStaysNull() {
        assertThat(TextRepair.repair(null).text()).isNull();
    }
}

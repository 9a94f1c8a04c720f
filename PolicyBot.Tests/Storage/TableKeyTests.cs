using PolicyBot.Storage;

namespace PolicyBot.Tests.Storage;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("a:1personal-chat-with-alex")]
    [InlineData("19:general@thread.tacv2;messageid=1700000000000")]
    [InlineData("msteams|a/b\\c#d?e|1:x")]
    [InlineData("100% sure")]
    [InlineData("tab\there\u0000nul\u007f\u0085")]
    [InlineData("%2F is not a slash")]
    [InlineData("trailing %")]
    [InlineData("")]
    public void Escaping_is_reversible(string value)
    {
        TableKey.Unescape(TableKey.Escape(value)).Should().Be(value);
    }

    [Fact]
    public void Teams_ids_are_kept_as_they_are()
    {
        TableKey.Escape("19:abc@thread.tacv2;messageid=17").Should().Be("19:abc@thread.tacv2;messageid=17");
    }

    [Fact]
    public void Characters_a_key_cannot_hold_are_escaped()
    {
        var escaped = TableKey.Escape("a/b\\c#d?e\u0001f%g");

        escaped.Should().Be("a%2Fb%5Cc%23d%3Fe%01f%25g");
        escaped.Should().NotContainAny("/", "\\", "#", "?", "\u0001");
    }

    [Fact]
    public void A_key_too_long_to_store_is_hashed_and_the_hash_is_stable()
    {
        var longId = new string('x', 600) + "/";

        var key = TableKey.EscapeOrHash(longId);

        key.Should().StartWith("sha256:").And.HaveLength("sha256:".Length + 64);
        TableKey.EscapeOrHash(longId).Should().Be(key);
        TableKey.EscapeOrHash(longId + "y").Should().NotBe(key);
    }
}

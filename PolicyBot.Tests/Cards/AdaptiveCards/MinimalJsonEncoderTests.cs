using System.Text;
using System.Text.Json;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Tests.Cards.AdaptiveCards;

public sealed class MinimalJsonEncoderTests
{
    const string AnyScript = "اردو 😀 👩‍🏫 Zażółć gęślą jaźń العربية ✅ 中文";

    [Fact]
    public void A_card_writes_text_in_any_script_and_emoji_as_itself()
    {
        var json = new AdaptiveCard { Body = [new TextBlock(AnyScript)] }.ToJson();

        json.Should().Contain(AnyScript).And.NotContain("\\u");
    }

    [Fact]
    public void What_json_requires_and_what_html_would_is_escaped_and_everything_reads_back_as_written()
    {
        const string text = "quote \" backslash \\ newline \n tab \t nul \0 bell \a del \u007F <b>&'</b> \u2028";

        var json = JsonSerializer.Serialize(text, CardJson.Options);

        json.Should().Be("\"quote \\\" backslash \\\\ newline \\n tab \\t nul \\u0000 bell \\u0007 del \\u007F \\u003Cb\\u003E\\u0026\\u0027\\u003C/b\\u003E \\u2028\"");
        JsonSerializer.Deserialize<string>(json).Should().Be(text);
    }

    [Fact]
    public void Half_an_emoji_is_not_text_and_becomes_the_replacement_character()
    {
        var json = JsonSerializer.Serialize("ab\uD83D|\uDE00cd", CardJson.Options);

        JsonSerializer.Deserialize<string>(json).Should().Be("ab\uFFFD|\uFFFDcd");
    }

    [Fact]
    public void Text_already_in_utf8_such_as_a_stored_card_read_back_is_written_as_itself()
    {
        using var stored = JsonDocument.Parse(Encoding.UTF8.GetBytes($$"""{"text":"{{AnyScript}} \"quoted\" \u0001"}"""));

        var json = JsonSerializer.Serialize(stored.RootElement, CardJson.Options);

        json.Should().Be($$"""{"text":"{{AnyScript}} \"quoted\" \u0001"}""");
    }

    [Fact]
    public void What_goes_to_the_connector_carries_the_card_text_as_itself()
    {
        var activity = Activity.CreateAttachmentActivity(Attachment.FromCard(new AdaptiveCard { Body = [new TextBlock(AnyScript)] }));

        var body = JsonSerializer.Serialize(activity, BotJson.Options);

        body.Should().Contain(AnyScript);
        JsonDocument.Parse(body).RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString()
            .Should().Be(AnyScript);
    }
}

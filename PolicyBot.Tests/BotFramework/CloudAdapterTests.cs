using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework;

/// <summary>Request processing on the real app (development mode, from loopback), replies to a stand-in Connector.</summary>
public sealed class CloudAdapterTests : IClassFixture<DevelopmentBotFixture>
{
    readonly DevelopmentBotFixture _fixture;
    readonly LocalConnector _connector;

    public CloudAdapterTests(DevelopmentBotFixture fixture)
    {
        _fixture = fixture;
        _connector = fixture.Connector;
        _connector.Clear();
    }

    [Fact]
    public async Task A_message_in_development_mode_is_answered_by_a_reply_posted_to_the_connector()
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, "help", id: "1:reply-me");

        using var response = await _fixture.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var request = (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.RawPath.Should().Be("/v3/conversations/a%3A1personal-chat-with-alex/activities/1%3Areply-me");
        request.Header("Authorization").Should().BeNull("development mode sends no token");
        var reply = request.Json;
        reply.GetProperty("type").GetString().Should().Be("message");
        reply.GetProperty("replyToId").GetString().Should().Be("1:reply-me");
        reply.GetProperty("from").GetProperty("id").GetString().Should().Be(TestActivities.BotId);
        reply.GetProperty("recipient").GetProperty("id").GetString().Should().Be("29:alex");
        reply.GetProperty("conversation").GetProperty("id").GetString().Should().Be(TestActivities.PersonalConversationId);
        reply.GetProperty("attachments")[0].GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
    }

    [Fact]
    public async Task A_reply_in_a_channel_thread_escapes_the_conversation_id_in_the_url()
    {
        var activity = TestActivities.ChannelMention(_connector.ServiceUrl, "help");

        using var response = await _fixture.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var request = (await _connector.WaitForRequestsAsync(1)).Single();
        request.RawPath.Should().StartWith("/v3/conversations/19%3Ageneral-channel%40thread.tacv2%3Bmessageid%3D1700000000000/activities/");
    }

    [Fact]
    public async Task An_adaptive_card_invoke_is_answered_in_the_http_response_body()
    {
        var activity = TestActivities.CardAction(_connector.ServiceUrl, "help.topic", new { arg = "Ask" });

        using var response = await _fixture.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("statusCode").GetInt32().Should().Be(200);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        body.GetProperty("value").GetProperty("type").GetString().Should().Be("AdaptiveCard");
        _connector.Requests.Should().BeEmpty("an invoke is answered synchronously, not through the Connector");
    }

    [Fact]
    public async Task An_unknown_invoke_name_gets_501()
    {
        var activity = TestActivities.CardAction(_connector.ServiceUrl, "help.topic", new { arg = "Ask" });
        activity.Name = "composeExtension/query";

        using var response = await _fixture.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
    }

    [Fact]
    public async Task A_redelivered_activity_is_processed_once()
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, "help", id: "1:delivered-twice");

        using var first = await _fixture.App.PostActivityAsync(activity);
        await _connector.WaitForRequestsAsync(1);
        using var second = await _fixture.App.PostActivityAsync(activity);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        await AssertStillServesAsync();
        _connector.Requests.Count(r => r.RawPath.EndsWith("1%3Adelivered-twice")).Should().Be(1);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ", "not a valid activity")]
    [InlineData("[1, 2, 3]", "not a valid activity")]
    [InlineData("\"message\"", "not a valid activity")]
    [InlineData("{\"text\": \"no type\"}", "has no type")]
    [InlineData("{\"type\": \"message\", \"timestamp\": \"yesterday\"}", "not a valid activity")]
    public async Task Malformed_json_is_refused_with_400_and_a_clear_message(string body, string expected)
    {
        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(body), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorMessageAsync(response)).Should().Contain(expected);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task An_empty_body_is_refused_with_400()
    {
        using var response = await PostRawAsync([], "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorMessageAsync(response)).Should().Contain("empty");
        await AssertStillServesAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_is_refused_with_415(string? contentType)
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, "help");

        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(activity.ToJson()), contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        _connector.Requests.Should().BeEmpty();
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task A_json_content_type_with_a_charset_is_accepted()
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, "help");

        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(activity.ToJson()), "application/json; charset=utf-8");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_5_mb_body_is_refused_with_413_and_the_app_keeps_serving(bool chunked)
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, new string('x', 5 * 1024 * 1024));
        var bytes = Encoding.UTF8.GetBytes(activity.ToJson());

        using var response = await PostRawAsync(bytes, "application/json", chunked);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        _connector.Requests.Should().BeEmpty();
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Unknown_fields_do_not_stop_an_activity_from_being_processed()
    {
        var json = JsonNode.Parse(TestActivities.Message(_connector.ServiceUrl, "help").ToJson())!;
        json["somethingNew"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };
        json["channelData"]!["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = "19:x" } };
        var withExtras = json.ToJsonString();

        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(withExtras), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle();
    }

    async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? contentType, bool chunked = false)
    {
        using var http = _fixture.App.CreateHttpClient();
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (chunked)
            content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        if (chunked)
            request.Headers.TransferEncodingChunked = true;
        return await http.SendAsync(request);
    }

    static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("error").GetProperty("message").GetString()!;
    }

    async Task AssertStillServesAsync()
    {
        using var http = _fixture.App.CreateHttpClient();
        (await http.GetAsync("healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

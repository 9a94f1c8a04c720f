using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Authentication;
using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework;

/// <summary>The adapter on its own: proactive turns, failing turns, and development mode's loopback rule.</summary>
public sealed class CloudAdapterProactiveTests : IAsyncLifetime, IDisposable
{
    LocalConnector _connector = null!;
    readonly HttpClient _http = new();
    readonly InMemoryActivityDeduplicator _deduplicator = new(TimeProvider.System);
    BotAuthenticator _authenticator = null!;
    CloudAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        var options = new BotOptions();
        _authenticator = new BotAuthenticator(options, _http, TimeProvider.System, NullLogger.Instance);
        var connector = new ConnectorClient(_http, options, null, TimeProvider.System, NullLogger.Instance);
        _adapter = new CloudAdapter(Options.Create(options), _authenticator, connector, _deduplicator, NullLogger<CloudAdapter>.Instance);
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose()
    {
        _authenticator.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Continuing_a_conversation_sends_a_new_message_to_it()
    {
        var reference = TestActivities.Message(_connector.ServiceUrl, "hi", id: "1:old-message").GetConversationReference();

        await _adapter.ContinueConversationAsync(reference, (turn, ct) =>
            turn.SendActivityAsync(Activity.CreateMessageActivity("Your site request was approved."), ct));

        var request = (await _connector.WaitForRequestsAsync(1)).Single();
        request.Method.Should().Be("POST");
        request.RawPath.Should().Be("/v3/conversations/a%3A1personal-chat-with-alex/activities");
        request.Json.GetProperty("from").GetProperty("id").GetString().Should().Be(TestActivities.BotId);
        request.Json.GetProperty("text").GetString().Should().Be("Your site request was approved.");
    }

    [Fact]
    public async Task Creating_a_conversation_then_messaging_it_posts_create_and_send()
    {
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = TestActivities.BotId },
            Members = [new ChannelAccount { Id = "29:headteacher" }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TestActivities.TenantId } },
        };

        await _adapter.CreateConversationAsync(Channels.Msteams, _connector.ServiceUrl, parameters, (turn, ct) =>
            turn.SendActivityAsync(Activity.CreateMessageActivity("A site request needs your approval."), ct));

        var requests = await _connector.WaitForRequestsAsync(2);
        requests[0].RawPath.Should().Be("/v3/conversations");
        requests[1].RawPath.Should().Be("/v3/conversations/a%3A1new-personal-conversation/activities");
        requests[1].Json.GetProperty("recipient").GetProperty("id").GetString().Should().Be("29:headteacher");
    }

    [Fact]
    public async Task Development_mode_refuses_a_request_from_another_machine()
    {
        var bot = new RecordingBot();
        var context = Post(TestActivities.Message(_connector.ServiceUrl, "help"), IPAddress.Parse("10.1.2.3"));

        await _adapter.ProcessAsync(context.Request, context.Response, bot);

        context.Response.StatusCode.Should().Be(401);
        bot.Turns.Should().Be(0);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Development_mode_refuses_a_request_forwarded_through_a_tunnel_on_this_machine(string header, string value)
    {
        var bot = new RecordingBot();
        var context = Post(TestActivities.Message(_connector.ServiceUrl, "help", id: "1:tunnelled"), IPAddress.Loopback);
        context.Request.Headers[header] = value;

        await _adapter.ProcessAsync(context.Request, context.Response, bot);

        context.Response.StatusCode.Should().Be(401);
        bot.Turns.Should().Be(0);
    }

    [Fact]
    public async Task A_failing_turn_answers_500_and_its_redelivery_is_processed()
    {
        var bot = new RecordingBot { FailFirst = true };
        var activity = TestActivities.Message(_connector.ServiceUrl, "help", id: "1:fails-once");

        var first = Post(activity, IPAddress.Loopback);
        await _adapter.ProcessAsync(first.Request, first.Response, bot);
        var retry = Post(activity, IPAddress.Loopback);
        await _adapter.ProcessAsync(retry.Request, retry.Response, bot);

        first.Response.StatusCode.Should().Be(500);
        retry.Response.StatusCode.Should().Be(200);
        bot.Turns.Should().Be(2);
    }

    static DefaultHttpContext Post(Activity activity, IPAddress remote)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJson()));
        context.Connection.RemoteIpAddress = remote;
        context.Response.Body = new MemoryStream();
        return context;
    }

    sealed class RecordingBot : IBot
    {
        public int Turns { get; private set; }
        public bool FailFirst { get; init; }

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Turns++;
            if (FailFirst && Turns == 1)
                throw new InvalidOperationException("storage unavailable");
            return Task.CompletedTask;
        }
    }
}

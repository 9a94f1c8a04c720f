using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>The app on Azurite, reached through a relay the test can cut: a storage outage does not stop answers.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync")]
public sealed class QuestionStorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    LoopbackTcpProxy _proxy = null!;
    LocalConnector _connector = null!;
    BotApp _app = null!;
    readonly RecordingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        _proxy = new LoopbackTcpProxy(azurite.Port);
        _connector = await LocalConnector.StartAsync();
        _app = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{_proxy.Port}/", StringComparison.Ordinal),
            ["Schools:Path"] = Path.Combine(RepoPaths.Root, "schools"),
            ["Workflow:DefaultServiceUrl"] = _connector.ServiceUrl,
        }, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs));
        _ = _app.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task A_question_is_still_answered_when_it_cannot_be_stored()
    {
        _proxy.Cut();

        using var response = await _app.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "a parent sent me a friend request on facebook, can I accept?"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, string.Join("\n", _logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => l.Message)));
        var reply = (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        Texts(CardOf(reply.Json)).Should().Contain("Clause 3.1");
    }
}

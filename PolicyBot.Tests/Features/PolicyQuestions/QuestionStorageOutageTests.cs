using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>The app on Azurite, reached through a relay the test can cut: a storage outage does not stop answers.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync")]
public sealed class QuestionStorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    OutageApp _outage = null!;
    readonly RecordingLoggerProvider _logs = new();

    LoopbackTcpProxy Proxy => _outage.Proxy;
    LocalConnector Connector => _outage.Connector;
    BotApp App => _outage.App;

    public async Task InitializeAsync() => _outage = await OutageApp.StartAsync(azurite, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs));

    public Task DisposeAsync() => _outage.DisposeAsync().AsTask();

    [Fact]
    public async Task A_question_is_still_answered_when_it_cannot_be_stored()
    {
        Proxy.Cut();

        using var response = await App.PostActivityAsync(TestActivities.Message(Connector.ServiceUrl, "a parent sent me a friend request on facebook, can I accept?"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, string.Join("\n", _logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => l.Message)));
        var reply = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        Texts(CardOf(reply.Json)).Should().Contain("Clause 3.1");
    }
}

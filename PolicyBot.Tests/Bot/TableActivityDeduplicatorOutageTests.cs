using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Microsoft.Extensions.Logging;
using PolicyBot.Bot;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// When storage is down the deduplicator fails open (the activity is processed, a warning is logged) instead of
/// dropping a user's message; a caller that gives up is still told so.
/// </summary>
public sealed class TableActivityDeduplicatorOutageTests : IDisposable
{
    const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly RecordingLoggerProvider _logs = new();
    readonly ILoggerFactory _loggerFactory;
    TcpListener? _silent;

    public TableActivityDeduplicatorOutageTests() => _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs));

    public void Dispose()
    {
        _silent?.Stop();
        _silent?.Dispose();
        _loggerFactory.Dispose();
    }

    static TableServiceClient ClientFor(int port) => new(
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(30) } });

    TableActivityDeduplicator Deduplicator(TableServiceClient service, TimeSpan storageTimeout) =>
        new(service, TimeProvider.System, _loggerFactory.CreateLogger<TableActivityDeduplicator>(), storageTimeout);

    /// <summary>A port nothing listens on: connections are refused.</summary>
    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port that accepts connections and never answers.</summary>
    int SilentPort()
    {
        _silent = new TcpListener(IPAddress.Loopback, 0);
        _silent.Start();
        return ((IPEndPoint)_silent.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Unreachable_storage_fails_open_and_logs_a_warning()
    {
        var deduplicator = Deduplicator(ClientFor(ClosedPort()), TimeSpan.FromSeconds(30));

        (await deduplicator.TryBeginAsync("msteams|a:1chat|1:first")).Should().BeTrue("a rare duplicate answer is better than a lost question");

        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains("fail open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreachable_storage_fails_open_even_after_the_clients_own_retries_are_spent()
    {
        // Azure.Core reports spent retries as an AggregateException of the attempts' failures.
        var retrying = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};TableEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });
        var deduplicator = Deduplicator(retrying, TimeSpan.FromSeconds(30));

        (await deduplicator.TryBeginAsync("msteams|a:1chat|1:after-retries")).Should().BeTrue();

        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains("fail open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task During_an_outage_a_redelivery_to_the_same_instance_is_still_caught()
    {
        var deduplicator = Deduplicator(ClientFor(ClosedPort()), TimeSpan.FromSeconds(30));
        await deduplicator.TryBeginAsync("msteams|a:1chat|1:again");

        (await deduplicator.TryBeginAsync("msteams|a:1chat|1:again")).Should().BeFalse();
    }

    [Fact]
    public async Task Storage_that_does_not_answer_fails_open_after_the_storage_timeout()
    {
        var deduplicator = Deduplicator(ClientFor(SilentPort()), TimeSpan.FromMilliseconds(300));

        (await deduplicator.TryBeginAsync("msteams|a:1chat|1:slow")).Should().BeTrue();

        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_caller_that_gives_up_is_told_so_and_the_activity_is_not_remembered()
    {
        // The caller gives up long before storage would time out, so a loaded machine cannot fire the two the other way round.
        var deduplicator = Deduplicator(ClientFor(SilentPort()), TimeSpan.FromSeconds(2));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var begin = async () => await deduplicator.TryBeginAsync("msteams|a:1chat|1:cancelled", cancelled.Token);

        await begin.Should().ThrowAsync<OperationCanceledException>();
        (await deduplicator.TryBeginAsync("msteams|a:1chat|1:cancelled")).Should().BeTrue("the cancelled attempt did not take the activity on");
    }

    [Fact]
    public async Task Forgetting_during_an_outage_logs_a_warning_and_does_not_throw()
    {
        var deduplicator = Deduplicator(ClientFor(ClosedPort()), TimeSpan.FromSeconds(30));

        var forget = async () => await deduplicator.ForgetAsync("msteams|a:1chat|1:failed");

        await forget.Should().NotThrowAsync();
        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains("could not be forgotten", StringComparison.Ordinal));
    }
}

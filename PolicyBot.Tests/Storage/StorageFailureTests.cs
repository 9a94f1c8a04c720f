using System.Data.Common;
using Azure;
using PolicyBot.Storage;

namespace PolicyBot.Tests.Storage;

public sealed class StorageFailureTests
{
    public static TheoryData<Exception> Failures => new()
    {
        new RequestFailedException(503, "Server busy"),
        new AggregateException(new RequestFailedException(500, "a"), new HttpRequestException("b")),
        // What CI saw once when the relay to Azurite was cut: the connection pool's own SocketException, unwrapped, as the last try.
        new AggregateException(new RequestFailedException(500, "a"), new System.Net.Sockets.SocketException(107)),
        new HttpRequestException("connection refused"),
        new IOException("reset"),
        new TimeoutException(),
        new TaskCanceledException("network timeout"),
        new FakeDbException(),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Storage_refusals_outages_and_spent_retries_are_storage_failures(Exception exception) =>
        StorageFailure.Is(exception).Should().BeTrue();

    [Fact]
    public void A_programming_error_is_not_a_storage_failure() =>
        StorageFailure.Is(new InvalidOperationException("bug")).Should().BeFalse();

    [Fact]
    public void A_spent_retry_that_hides_a_programming_error_is_not_a_storage_failure() =>
        StorageFailure.Is(new AggregateException(new RequestFailedException(500, "a"), new ArgumentException("bug"))).Should().BeFalse();

    [Fact]
    public void A_cancellation_the_caller_asked_for_is_not_a_storage_failure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        StorageFailure.Is(new OperationCanceledException(cancelled.Token), cancelled.Token).Should().BeFalse();
    }

    sealed class FakeDbException() : DbException("database is locked");
}

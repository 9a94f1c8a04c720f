using System.Data.Common;
using System.Net.Sockets;
using Azure;

namespace PolicyBot.Storage;

/// <summary>
/// Whether an exception means "storage refused or could not be reached", for the callers that carry on without it
/// (answer anyway, fail open). One definition, because the ways it shows are many: the HTTP client's
/// RequestFailedException, Azure.Core's AggregateException of them once its retries are spent, network errors
/// (including a bare SocketException, which the HTTP connection pool can throw unwrapped when a connection dies as it
/// opens) and timeouts, a credential that cannot get a token, the embedded store's DbException and IOException.
/// A cancellation the caller asked for is not a storage failure.
/// </summary>
public static class StorageFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken = default) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException or HttpRequestException or IOException or SocketException or DbException or TimeoutException
            or Azure.Identity.AuthenticationFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, cancellationToken)),
        _ => false,
    };
}

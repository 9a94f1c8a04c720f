using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>Pages fetched one request at a time, following the continuation token until there is none.</summary>
sealed class TablePageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    int? maxPerPage,
    CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            // An empty page with a continuation is normal (the service stops at partition and time boundaries).
            var page = await fetchPage(token, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}

using Azure;
using PolicyBot.Cards.Common;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

/// <summary>
/// Where a workflow's card was posted (its <c>copy|</c> rows). One live copy per conversation: when a newer one is
/// recorded in a chat (a reminder posts the card again, someone opens it again), the older ones there are told they are
/// out of date, which leaves none of their details behind, and are forgotten. So a chat never gathers copies that every
/// later change must update.
/// </summary>
public static class CardCopies
{
    static readonly Lazy<string> SupersededJson = new(() => SupersededCard.Build().ToJson());

    public static CardCopyEntity Row(string partitionKey, PostedCard posted, string? ownerAadObjectId) => new()
    {
        PartitionKey = partitionKey,
        RowKey = WorkflowRows.Copy(posted.ConversationId, posted.ActivityId),
        ConversationId = posted.ConversationId,
        ActivityId = posted.ActivityId,
        ServiceUrl = posted.ServiceUrl,
        OwnerAadObjectId = ownerAadObjectId,
    };

    /// <summary>
    /// Records a card posted outside the outbox (opened from a list) as a copy, and makes it the only one kept in its
    /// conversation. A failure of the recording is the caller's to report; the older copies are best effort.
    /// </summary>
    public static async Task TrackAsync(TableClient table, ProactiveMessenger messenger, CardCopyEntity copy, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
        await SupersedeOlderAsync(table, messenger, copy, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="newest"/> the only copy kept in its conversation; returns how many older ones were
    /// superseded. Best effort: an older copy that cannot be reached just now stays recorded, and so is still kept up to
    /// date (and withdrawn when it should be) like any other.
    /// </summary>
    public static async Task<int> SupersedeOlderAsync(TableClient table, ProactiveMessenger messenger, CardCopyEntity newest, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {newest.PartitionKey}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix);
        var older = new List<CardCopyEntity>();
        await foreach (var copy in table.QueryAsync<CardCopyEntity>(filter, cancellationToken: cancellationToken))
        {
            if (copy.ConversationId == newest.ConversationId && copy.RowKey != newest.RowKey)
                older.Add(copy);
        }
        foreach (var copy in older)
        {
            try
            {
                await messenger.UpdateAsync(copy, SupersededJson.Value, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 403 or 404)
            {
                // The message is gone already.
            }
            await ForgetAsync(table, copy, cancellationToken);
        }
        return older.Count;
    }

    /// <summary>No longer kept up to date: its row goes (gone already is fine).</summary>
    public static async Task ForgetAsync(TableClient table, CardCopyEntity copy, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(copy.PartitionKey, copy.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}

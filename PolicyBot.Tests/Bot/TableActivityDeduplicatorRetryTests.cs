using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Bot;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// The client retries an insert whose response was lost after the service stored it; the retry meets its own row
/// (409). That must not read as a redelivery, or the user's message would be dropped.
/// </summary>
public sealed class TableActivityDeduplicatorRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_insert_retried_after_its_response_was_lost_is_still_taken_on_and_others_still_see_it_taken()
    {
        var loseOne = new LoseTheFirstInsertResponse();
        var options = new TableClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 } };
        options.AddPolicy(loseOne, HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        await new TableServiceClient(azurite.ConnectionString).CreateTableIfNotExistsAsync(TableActivityDeduplicator.TableName);
        var deduplicator = new TableActivityDeduplicator(service, TimeProvider.System, NullLogger<TableActivityDeduplicator>.Instance);
        var another = new TableActivityDeduplicator(new TableServiceClient(azurite.ConnectionString), TimeProvider.System, NullLogger<TableActivityDeduplicator>.Instance);

        var taken = await deduplicator.TryBeginAsync("msteams|a:1chat|1:response-lost");
        var takenByAnother = await another.TryBeginAsync("msteams|a:1chat|1:response-lost");

        loseOne.Lost.Should().BeTrue("the first insert was stored and its response dropped");
        loseOne.Inserts.Should().Be(2, "the client retried the insert and met its own row");
        taken.Should().BeTrue("the row the retry met is our own");
        takenByAnother.Should().BeFalse("for anyone else it is a redelivery");
    }

    /// <summary>Lets the first insert reach the service, then loses its response as a reset connection would.</summary>
    sealed class LoseTheFirstInsertResponse : HttpPipelinePolicy
    {
        public bool Lost { get; private set; }

        public int Inserts { get; private set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var isInsert = message.Request.Method == RequestMethod.Post
                && message.Request.Uri.Path.EndsWith("/" + TableActivityDeduplicator.TableName, StringComparison.Ordinal);
            if (!isInsert)
                return;
            Inserts++;
            if (!Lost && message.Response.Status is 201 or 204)
            {
                Lost = true;
                throw new IOException("The connection was reset after the insert was stored.");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}

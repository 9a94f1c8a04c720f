using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Storage.Tables;

/// <summary>The contract, over HTTP, against Azurite started for this class.</summary>
public sealed class AzuriteTableClientTests(AzuriteFixture azurite) : TableClientContractTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;
}

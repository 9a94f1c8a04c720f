using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables.Embedded;

/// <summary>The contract against the embedded SQLite store, in a temporary file for this class.</summary>
public sealed class EmbeddedTableClientTests(TemporaryDatabase database) : TableClientContractTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

/// <summary>A SQLite file in a fresh temporary folder, deleted with the folder afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("policybot-tables-");

    public string Path => System.IO.Path.Combine(_directory.FullName, "tables.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

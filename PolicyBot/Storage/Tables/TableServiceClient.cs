using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// The storage account's Table service (Azure Storage or Azurite): creates, lists and deletes tables and hands
/// out <see cref="TableClient"/>s sharing one HTTP pipeline. Shaped like Azure.Data.Tables' client.
/// </summary>
public class TableServiceClient
{
    /// <summary>The Entra ID scope for Azure Storage data-plane tokens.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    readonly HttpPipeline _pipeline = null!;
    readonly Uri _endpoint = null!;

    /// <summary>For mocking and for the embedded store.</summary>
    protected TableServiceClient()
    {
    }

    /// <summary>A client from a connection string (account key, <c>UseDevelopmentStorage=true</c>, or Azurite's explicit form).</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
    {
        _endpoint = EndpointOf(connectionString, out var policy);
        _pipeline = (options ?? new()).BuildPipeline(policy);
    }

    /// <summary>A client that authenticates with Entra ID tokens (managed identity in production).</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        _pipeline = (options ?? new()).BuildPipeline(BearerPolicy(credential));
    }

    /// <summary>The account's table endpoint (path-style for Azurite: <c>http://127.0.0.1:10002/devstoreaccount1</c>).</summary>
    public virtual Uri Uri => _endpoint;

    internal static Uri EndpointOf(string connectionString, out HttpPipelinePolicy policy)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        policy = new TableSharedKeyPolicy(parsed.AccountName, parsed.AccountKey);
        return parsed.TableEndpoint;
    }

    internal static HttpPipelinePolicy BearerPolicy(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, StorageScope);

    public virtual TableClient GetTableClient(string tableName) => new(_endpoint, tableName, _pipeline);

    public virtual async Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        await GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public virtual async Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        await GetTableClient(tableName).DeleteAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Lists tables, optionally filtered (e.g. <c>TableName eq 'Approvals'</c>).</summary>
    public virtual AsyncPageable<TableItem> QueryAsync(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
    {
        TableClient.ValidatePageSize(maxPerPage);
        return new TablePageable<TableItem>((continuation, pageSize, ct) => QueryTablesPageAsync(filter, pageSize, continuation, ct), maxPerPage, cancellationToken);
    }

    async Task<Page<TableItem>> QueryTablesPageAsync(string? filter, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Get;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/Tables", escape: false);
        if (!string.IsNullOrEmpty(filter))
            request.Uri.AppendQuery("$filter", filter);
        if (pageSize is not null)
            request.Uri.AppendQuery("$top", pageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(continuation))
            request.Uri.AppendQuery("NextTableName", continuation);
        TableClient.AddStandardHeaders(request);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
            throw TableClient.Failure(response);
        var tables = new List<TableItem>();
        using (var document = JsonDocument.Parse(response.Content))
        {
            foreach (var table in document.RootElement.GetProperty("value").EnumerateArray())
                tables.Add(new TableItem(table.GetProperty("TableName").GetString()!));
        }
        response.Headers.TryGetValue("x-ms-continuation-NextTableName", out var next);
        return Page<TableItem>.FromValues(tables, string.IsNullOrEmpty(next) ? null : next, response);
    }

    internal static HttpMessage CreateTableMessage(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(endpoint);
        request.Uri.AppendPath("/Tables", escape: false);
        TableClient.AddStandardHeaders(request);
        request.Headers.SetValue("Prefer", "return-no-content");
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));
        return message;
    }

    internal static HttpMessage DeleteTableMessage(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Delete;
        request.Uri.Reset(endpoint);
        request.Uri.AppendPath($"/Tables('{Uri.EscapeDataString(tableName)}')", escape: false);
        TableClient.AddStandardHeaders(request);
        return message;
    }
}

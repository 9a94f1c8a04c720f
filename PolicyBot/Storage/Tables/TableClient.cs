using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// One table's entities over the Table service REST API (Azure Storage or Azurite), with the public shape of
/// Azure.Data.Tables' <c>TableClient</c>. Methods are virtual so the embedded store and tests can substitute.
/// </summary>
public class TableClient
{
    readonly HttpPipeline _pipeline = null!;
    readonly Uri _accountEndpoint = null!;
    readonly string _name = null!;

    /// <summary>For mocking and for the embedded store.</summary>
    protected TableClient()
    {
    }

    /// <summary>A client from a storage connection string (account key or <c>UseDevelopmentStorage=true</c>).</summary>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableServiceClient.EndpointOf(connectionString, out var policy), tableName, (options ?? new()).BuildPipeline(policy))
    {
    }

    /// <summary>A client that authenticates with Entra ID (managed identity in production).</summary>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, (options ?? new()).BuildPipeline(TableServiceClient.BearerPolicy(credential)))
    {
    }

    internal TableClient(Uri accountEndpoint, string tableName, HttpPipeline pipeline)
    {
        TableRules.ValidateTableName(tableName);
        _accountEndpoint = accountEndpoint;
        _name = tableName;
        _pipeline = pipeline;
    }

    public virtual string Name => _name;

    /// <summary>Builds an OData filter from an interpolated string, quoting and escaping every value.</summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return TableQueryFilter.Create(filter);
    }

    public virtual async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = TableServiceClient.CreateTableMessage(_pipeline, _accountEndpoint, _name);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is 201 or 204 || (response.Status == 409 && ErrorCodeOf(response) == TableErrorCode.TableAlreadyExists))
            return Response.FromValue(new TableItem(_name), response);
        throw Failure(response);
    }

    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = TableServiceClient.DeleteTableMessage(_pipeline, _accountEndpoint, _name);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status is 204 or 404 ? message.Response : throw Failure(message.Response);
    }

    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Response.FromValue(response.Value!, response.GetRawResponse()) : throw Failure(response.GetRawResponse());
    }

    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        AppendSelect(message.Request, select);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        // A missing entity is an answer; a missing table is a failure (as in the embedded store).
        if (response.Status == 404 && ErrorCodeOf(response) != TableErrorCode.TableNotFound)
            return new TableNullableResponse<T>(null, response);
        if (response.Status != 200)
            throw Failure(response);
        using var document = JsonDocument.Parse(response.Content);
        var properties = TableJson.Read(document.RootElement, out var timestamp, out var etag);
        if (response.Headers.ETag is { } headerETag)
            etag = headerETag;
        return new TableNullableResponse<T>(EntityTypeMap.FromProperties<T>(properties, timestamp, etag), response);
    }

    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var properties = TableRules.PropertiesOf(entity);
        using var message = CreateMessage(RequestMethod.Post, "/" + _name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message.Request, properties);
        return await SendExpectingAsync(message, 204, cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var properties = TableRules.PropertiesOf(entity);
        using var message = CreateMessage(MethodFor(mode), EntityPath(entity.PartitionKey, entity.RowKey));
        SetJsonContent(message.Request, properties);
        return await SendExpectingAsync(message, 204, cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var properties = TableRules.PropertiesOf(entity);
        TableRules.ValidateUpdateIfMatch(ifMatch);
        using var message = CreateMessage(MethodFor(mode), EntityPath(entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString("H"));
        SetJsonContent(message.Request, properties);
        return await SendExpectingAsync(message, 204, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an entity; <paramref name="ifMatch"/> default means whatever version is stored.</summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString("H"));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        // As Azure.Data.Tables does: deleting what is not there (without a condition) is not an error.
        if (message.Response.Status == 204 || (message.Response.Status == 404 && ifMatch == default))
            return message.Response;
        throw Failure(message.Response);
    }

    /// <summary>Entities matching an OData <paramref name="filter"/>, a page (≤ 1000, or <paramref name="maxPerPage"/>) per request.</summary>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        ValidatePageSize(maxPerPage);
        var selected = select?.ToArray();
        return new TablePageable<T>((continuation, pageSize, ct) => QueryPageAsync<T>(filter, pageSize, selected, continuation, ct), maxPerPage, cancellationToken);
    }

    internal static void ValidatePageSize(int? maxPerPage)
    {
        if (maxPerPage is < 1 or > TableConstants.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"A page holds 1 to {TableConstants.MaxPageSize} entities.");
    }

    async Task<Page<T>> QueryPageAsync<T>(string? filter, int? pageSize, string[]? select, string? continuation, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = CreateMessage(RequestMethod.Get, "/" + _name + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
            uri.AppendQuery("$filter", filter);
        if (pageSize is not null)
            uri.AppendQuery("$top", pageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppendSelect(message.Request, select);
        if (TableContinuation.TryParse(continuation, out var nextPartitionKey, out var nextRowKey))
        {
            uri.AppendQuery("NextPartitionKey", nextPartitionKey);
            if (nextRowKey is not null)
                uri.AppendQuery("NextRowKey", nextRowKey);
        }
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
            throw Failure(response);

        var values = new List<T>();
        using (var document = JsonDocument.Parse(response.Content))
        {
            foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
            {
                var properties = TableJson.Read(element, out var timestamp, out var etag);
                values.Add(EntityTypeMap.FromProperties<T>(properties, timestamp, etag));
            }
        }
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return Page<T>.FromValues(values, TableContinuation.Format(nextPk, nextRk), response);
    }

    /// <summary>
    /// Runs the actions as one entity-group transaction (<c>$batch</c>): all of them or none. A failing action
    /// throws <see cref="TableTransactionFailedException"/> naming its index.
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        var actions = TableRules.ValidateTransaction(transactionActions);
        var batch = TableBatch.Build(new Uri(_accountEndpoint.AbsoluteUri.TrimEnd('/') + "/" + _name), actions);
        TableRules.ValidateBatchSize(batch.Body.Length);

        using var message = CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 202)
            throw Failure(response);
        return Response.FromValue(TableBatch.ReadResponse(response, actions.Count), response);
    }

    HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_accountEndpoint);
        request.Uri.AppendPath(path, escape: false);
        AddStandardHeaders(request);
        return message;
    }

    internal static void AddStandardHeaders(Request request)
    {
        request.Headers.SetValue("x-ms-version", TableConstants.ApiVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", TableConstants.AcceptMinimalMetadata);
    }

    string EntityPath(string partitionKey, string rowKey) =>
        $"/{_name}(PartitionKey='{TableQueryFilter.EscapeKeyForPath(partitionKey)}',RowKey='{TableQueryFilter.EscapeKeyForPath(rowKey)}')";

    static RequestMethod MethodFor(TableUpdateMode mode) =>
        mode == TableUpdateMode.Replace ? RequestMethod.Put : TableBatch.Merge;

    static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is not null && select.Any())
            request.Uri.AppendQuery("$select", string.Join(',', select));
    }

    static void SetJsonContent(Request request, IReadOnlyDictionary<string, object?> properties)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(TableJson.Serialize(properties));
    }

    async Task<Response> SendExpectingAsync(HttpMessage message, int expectedStatus, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status == expectedStatus ? message.Response : throw Failure(message.Response);
    }

    internal static string? ErrorCodeOf(Response response) =>
        TableErrorParser.ReadError(response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null, response.Content).Code;

    internal static RequestFailedException Failure(Response response) => new(response, null, TableErrorParser.Instance);
}

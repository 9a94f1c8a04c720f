using System.Text.Json;
using Azure;
using Azure.Core;

namespace PolicyBot.Storage.Tables;

/// <summary>Reads the Table service's error: <c>x-ms-error-code</c> or the OData error body.</summary>
sealed class TableErrorParser : RequestFailedDetailsParser
{
    public static TableErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = ReadError(response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null, response.Content);
        error = new ResponseError(code, message ?? response.ReasonPhrase);
        return code is not null || message is not null;
    }

    /// <summary>Code and message from a header (if any) and an OData JSON error body (if any).</summary>
    public static (string? Code, string? Message) ReadError(string? headerCode, BinaryData? body)
    {
        string? code = headerCode, message = null;
        if (body is null || body.ToMemory().IsEmpty)
            return (code, message);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                (document.RootElement.TryGetProperty("odata.error", out var error) || document.RootElement.TryGetProperty("error", out error)))
            {
                if (error.TryGetProperty("code", out var codeElement))
                    code ??= codeElement.GetString();
                if (error.TryGetProperty("message", out var messageElement))
                {
                    message = messageElement.ValueKind == JsonValueKind.Object && messageElement.TryGetProperty("value", out var value)
                        ? value.GetString()
                        : messageElement.ValueKind == JsonValueKind.String ? messageElement.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (XML or text): the status and header still say what happened.
        }
        return (code, message);
    }
}

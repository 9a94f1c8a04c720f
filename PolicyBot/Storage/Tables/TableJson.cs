using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// The Table service's JSON entity format (OData v3 "minimal metadata"): values whose type JSON cannot carry
/// (Int64, Double, DateTime, Guid, Binary) get a <c>Name@odata.type</c> annotation. The embedded store keeps
/// entities in the same format, so there is one serializer.
/// </summary>
static class TableJson
{
    const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// Text as itself: a stored card is JSON inside a JSON string, and the default encoder would write each of its
    /// quotes as six bytes and each non-ASCII character as six, which a batch of cards (4 MiB at most) cannot afford.
    /// </summary>
    static readonly JsonWriterOptions WriterOptions = new() { Encoder = MinimalJsonEncoder.Instance };

    public static byte[] Serialize(IReadOnlyDictionary<string, object?> properties, bool includeKeys = true)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, properties, includeKeys);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> properties, bool includeKeys = true)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            if (value is null || (!includeKeys && name is TableConstants.PartitionKey or TableConstants.RowKey))
                continue;
            switch (value)
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case long number:
                    Annotate(writer, name, "Edm.Int64");
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double number:
                    Annotate(writer, name, "Edm.Double");
                    if (double.IsFinite(number))
                        writer.WriteNumber(name, number);
                    else
                        writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                    break;
                case DateTimeOffset time:
                    Annotate(writer, name, "Edm.DateTime");
                    writer.WriteString(name, FormatDateTime(time));
                    break;
                case Guid guid:
                    Annotate(writer, name, "Edm.Guid");
                    writer.WriteString(name, guid.ToString("D"));
                    break;
                case byte[] bytes:
                    Annotate(writer, name, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }
        writer.WriteEndObject();
    }

    public static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TableConstants.ODataType, edmType);

    /// <summary>Reads one entity object: its properties (keys included), Timestamp and odata.etag.</summary>
    public static Dictionary<string, object?> Read(JsonElement entity, out DateTimeOffset? timestamp, out ETag etag)
    {
        timestamp = null;
        etag = default;
        Dictionary<string, string>? types = null;
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TableConstants.ODataType, StringComparison.Ordinal))
            {
                types ??= new(StringComparer.Ordinal);
                types[name[..^TableConstants.ODataType.Length]] = property.Value.GetString() ?? "";
            }
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableConstants.ODataEtag)
            {
                etag = new ETag(property.Value.GetString()!);
                continue;
            }
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
                continue;
            var value = ReadValue(property.Value, types is not null && types.TryGetValue(name, out var type) ? type : null);
            if (name == TableConstants.Timestamp)
            {
                timestamp = value switch
                {
                    DateTimeOffset time => time,
                    string text => ParseDateTime(text),
                    _ => null,
                };
                continue;
            }
            result[name] = value;
        }
        return result;
    }

    static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return null;
        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.Int32":
                return value.GetInt32();
            case "Edm.Double":
                if (value.ValueKind == JsonValueKind.String)
                {
                    var text = value.GetString()!;
                    return text switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        _ => double.Parse(text, CultureInfo.InvariantCulture),
                    };
                }
                return value.GetDouble();
            case "Edm.DateTime":
                return ParseDateTime(value.GetString()!);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Boolean":
                return value.GetBoolean();
            case "Edm.String":
                return value.GetString();
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var small) => small,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in an entity."),
        };
    }

    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Checks what the service would refuse, before anything is sent (limits in the REST docs).</summary>
    public static void Validate(IReadOnlyDictionary<string, object?> properties)
    {
        var partitionKey = properties.TryGetValue(TableConstants.PartitionKey, out var pk) ? pk as string : null;
        var rowKey = properties.TryGetValue(TableConstants.RowKey, out var rk) ? rk as string : null;
        ValidateKey(TableConstants.PartitionKey, partitionKey);
        ValidateKey(TableConstants.RowKey, rowKey);

        var customCount = properties.Count - 2;
        if (customCount > TableConstants.MaxCustomProperties)
            throw Invalid($"An entity may have at most {TableConstants.MaxCustomProperties} custom properties; this one has {customCount}.");

        long size = 4 + (partitionKey!.Length * 2) + 2 + (rowKey!.Length * 2) + 2;
        foreach (var (name, value) in properties)
        {
            if (name is TableConstants.PartitionKey or TableConstants.RowKey)
                continue;
            if (name.Length is 0 or > 255)
                throw Invalid($"Property name '{name}' must be 1 to 255 characters.");
            size += 8 + (name.Length * 2) + 2;
            switch (value)
            {
                case string text when text.Length > TableConstants.MaxStringChars:
                    throw new TableSizeLimitException($"Property '{name}' is {text.Length} characters; a table string holds at most {TableConstants.MaxStringChars} (64 KiB).", TableErrorCode.PropertyValueTooLarge);
                case string text:
                    size += 4 + (text.Length * 2);
                    break;
                case byte[] bytes when bytes.Length > TableConstants.MaxBinaryBytes:
                    throw new TableSizeLimitException($"Property '{name}' is {bytes.Length} bytes; a table binary holds at most 64 KiB.", TableErrorCode.PropertyValueTooLarge);
                case byte[] bytes:
                    size += 4 + bytes.Length;
                    break;
                case Guid:
                    size += 16;
                    break;
                case bool:
                    size += 1;
                    break;
                case int:
                    size += 4;
                    break;
                default:
                    size += 8;
                    break;
            }
        }
        if (size > TableConstants.MaxEntityBytes)
            throw new TableSizeLimitException($"The entity is about {size} bytes; a table entity holds at most 1 MiB.", TableErrorCode.EntityTooLarge);
    }

    public static void ValidateKey(string keyName, string? key)
    {
        if (key is null)
            throw Invalid($"{keyName} is required.");
        if (key.Length > TableConstants.MaxKeyChars)
            throw Invalid($"{keyName} is {key.Length} characters; keys are at most 1 KiB.");
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
                throw Invalid($"{keyName} '{Printable(key)}' contains a character a table key cannot hold (/ \\ # ? or a control character).");
        }
    }

    // The caller's argument is the entity; these checks run on its property dictionary.
    static ArgumentException Invalid(string message, string paramName = "entity") => new(message, paramName);

    static string Printable(string key) => new(key.Select(c => char.IsControl(c) ? '�' : c).ToArray());
}

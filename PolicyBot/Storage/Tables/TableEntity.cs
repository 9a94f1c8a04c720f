using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// An entity as a dictionary of property names to values (string, int, long, bool, double, DateTimeOffset,
/// Guid, byte[]), with typed getters; for code that does not want a class per table.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "The name Azure.Data.Tables uses.")]
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        foreach (var (key, value) in values)
            this[key] = value;
    }

    public string PartitionKey
    {
        get => GetString(TableConstants.PartitionKey) ?? "";
        set => _properties[TableConstants.PartitionKey] = value;
    }

    public string RowKey
    {
        get => GetString(TableConstants.RowKey) ?? "";
        set => _properties[TableConstants.RowKey] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TableConstants.Timestamp);
        set => _properties[TableConstants.Timestamp] = value;
    }

    public ETag ETag { get; set; }

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value is DateTime ? TableValue.Normalize(key, value) : value;
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => this[key] switch
    {
        null => null,
        int value => value,
        long value => checked((int)value),
        var other => throw WrongType(key, other, typeof(int)),
    };

    public long? GetInt64(string key) => this[key] switch
    {
        null => null,
        long value => value,
        int value => value,
        var other => throw WrongType(key, other, typeof(long)),
    };

    public bool? GetBoolean(string key) => GetValue<bool>(key);

    public double? GetDouble(string key) => this[key] switch
    {
        null => null,
        double value => value,
        int value => value,
        long value => value,
        var other => throw WrongType(key, other, typeof(double)),
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => GetValue<DateTimeOffset>(key);

    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    public Guid? GetGuid(string key) => GetValue<Guid>(key);

    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    T? Get<T>(string key) where T : class => this[key] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(key, other, typeof(T)),
    };

    T? GetValue<T>(string key) where T : struct => this[key] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(key, other, typeof(T)),
    };

    static InvalidOperationException WrongType(string key, object value, Type wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");

    // IDictionary plumbing
    public ICollection<string> Keys => _properties.Keys;
    public ICollection<object?> Values => _properties.Values;
    public int Count => _properties.Count;
    public bool IsReadOnly => false;
    public void Add(string key, object? value) => _properties.Add(key, value);
    public bool ContainsKey(string key) => _properties.ContainsKey(key);
    public bool Remove(string key) => _properties.Remove(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);
    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);
    public void Clear() => _properties.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

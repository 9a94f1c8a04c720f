using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Serialization;
using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// Maps a strongly typed entity's public read/write properties to and from the property dictionary both stores
/// speak. Built once per type with compiled accessors. Enums are stored by name; nulls are not stored.
/// </summary>
sealed class EntityTypeMap
{
    static readonly ConcurrentDictionary<Type, EntityTypeMap> s_maps = new();

    static readonly HashSet<string> s_systemProperties =
        [TableConstants.PartitionKey, TableConstants.RowKey, TableConstants.Timestamp, nameof(ITableEntity.ETag)];

    readonly MappedProperty[] _properties;
    readonly Func<object> _create;

    EntityTypeMap(Type type)
    {
        _create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
        _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => !s_systemProperties.Contains(p.Name))
            .Where(p => p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Select(p => new MappedProperty(p))
            .ToArray();
    }

    public static EntityTypeMap For(Type type) => s_maps.GetOrAdd(type, static t => new EntityTypeMap(t));

    /// <summary>The entity's keys and custom properties (never Timestamp or ETag), ready to send or store.</summary>
    public static Dictionary<string, object?> ToProperties(ITableEntity entity)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [TableConstants.PartitionKey] = entity.PartitionKey,
            [TableConstants.RowKey] = entity.RowKey,
        };
        if (entity is TableEntity dynamic)
        {
            foreach (var (name, value) in dynamic)
            {
                if (name is TableConstants.Timestamp or TableConstants.PartitionKey or TableConstants.RowKey || value is null)
                    continue;
                result[name] = TableValue.Normalize(name, value);
            }
            return result;
        }
        foreach (var property in For(entity.GetType())._properties)
        {
            var value = property.Get(entity);
            if (value is not null)
                result[property.Name] = TableValue.Normalize(property.Name, value);
        }
        return result;
    }

    /// <summary>Builds a <typeparamref name="T"/> from stored properties, converting each to its property's type.</summary>
    public static T FromProperties<T>(IReadOnlyDictionary<string, object?> properties, DateTimeOffset? timestamp, ETag etag)
        where T : ITableEntity
    {
        if (typeof(T) == typeof(TableEntity))
        {
            var dynamic = new TableEntity();
            foreach (var (name, value) in properties)
                dynamic[name] = value;
            if (timestamp is not null)
                dynamic.Timestamp = timestamp;
            dynamic.ETag = etag;
            return (T)(ITableEntity)dynamic;
        }
        var map = For(typeof(T));
        var entity = (T)map._create();
        if (properties.TryGetValue(TableConstants.PartitionKey, out var pk) && pk is string partitionKey)
            entity.PartitionKey = partitionKey;
        if (properties.TryGetValue(TableConstants.RowKey, out var rk) && rk is string rowKey)
            entity.RowKey = rowKey;
        entity.Timestamp = timestamp;
        entity.ETag = etag;
        foreach (var property in map._properties)
        {
            if (properties.TryGetValue(property.Name, out var value) && value is not null)
                property.Set(entity, value);
        }
        return entity;
    }

    sealed class MappedProperty
    {
        readonly Func<object, object?> _get;
        readonly Action<object, object?> _set;
        readonly Type _valueType;

        public MappedProperty(PropertyInfo property)
        {
            Name = property.Name;
            _valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!TableValue.IsSupported(_valueType))
                throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name}: type {property.PropertyType.Name} cannot be stored in a table.");

            var instance = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            var typed = Expression.Convert(instance, property.DeclaringType!);
            _get = Expression.Lambda<Func<object, object?>>(
                Expression.Convert(Expression.Property(typed, property), typeof(object)), instance).Compile();
            _set = Expression.Lambda<Action<object, object?>>(
                Expression.Assign(Expression.Property(typed, property), Expression.Convert(value, property.PropertyType)),
                instance, value).Compile();
        }

        public string Name { get; }

        public object? Get(object entity) => _get(entity);

        public void Set(object entity, object value) => _set(entity, TableValue.ConvertTo(Name, value, _valueType));
    }
}

/// <summary>The value types a table property can hold, and the conversions between stored and declared types.</summary>
static class TableValue
{
    public static bool IsSupported(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(bool) ||
        type == typeof(double) || type == typeof(DateTimeOffset) || type == typeof(DateTime) ||
        type == typeof(Guid) || type == typeof(byte[]) || type.IsEnum;

    /// <summary>Turns a CLR value into one of the stored representations.</summary>
    public static object Normalize(string name, object value) => value switch
    {
        string or int or long or bool or double or DateTimeOffset or Guid or byte[] => value,
        DateTime dateTime => new DateTimeOffset(dateTime.Kind == DateTimeKind.Unspecified
            ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime.ToUniversalTime()),
        Enum enumValue => enumValue.ToString(),
        BinaryData binary => binary.ToArray(),
        _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which a table cannot store.", nameof(value)),
    };

    public static object ConvertTo(string name, object value, Type target)
    {
        try
        {
            if (target.IsInstanceOfType(value))
                return value;
            if (target.IsEnum)
                return value is string text ? Enum.Parse(target, text, ignoreCase: false) : Enum.ToObject(target, value);
            return (target.Name, value) switch
            {
                (nameof(Int32), long v) => checked((int)v),
                (nameof(Int32), string v) => int.Parse(v, CultureInfo.InvariantCulture),
                (nameof(Int64), int v) => (long)v,
                (nameof(Int64), string v) => long.Parse(v, CultureInfo.InvariantCulture),
                (nameof(Double), int v) => (double)v,
                (nameof(Double), long v) => (double)v,
                (nameof(Double), string v) => double.Parse(v, CultureInfo.InvariantCulture),
                (nameof(DateTimeOffset), string v) => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                (nameof(DateTime), DateTimeOffset v) => v.UtcDateTime,
                (nameof(DateTime), string v) => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
                (nameof(Guid), string v) => Guid.Parse(v),
                ("Byte[]", string v) => Convert.FromBase64String(v),
                (nameof(Boolean), string v) => bool.Parse(v),
                _ => throw new InvalidCastException($"cannot convert {value.GetType().Name} to {target.Name}"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Stored property '{name}' ({value.GetType().Name}) does not fit {target.Name}: {e.Message}", e);
        }
    }
}

using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="ActionType">What to do with the entity.</param>
/// <param name="Entity">The entity; for <see cref="TableTransactionActionType.Delete"/> only its keys matter.</param>
/// <param name="ETag">The If-Match condition for updates and deletes; default means unconditional (<c>*</c>).</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);

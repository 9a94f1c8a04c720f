using System.Text.Json;

namespace PolicyBot.BotFramework.Schema;

/// <summary>What an invoke activity is answered with, synchronously, in the HTTP response.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }
    /// <summary>"manual" for a button press, "automatic" for a refresh.</summary>
    public string? Trigger { get; init; }
}

public sealed record AdaptiveCardInvokeAction
{
    /// <summary>"Action.Execute".</summary>
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }
}

/// <summary>The body of an <c>adaptiveCard/action</c> answer: a card, a message, or an error.</summary>
public sealed record AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; init; }
    public string? Type { get; init; }
    public object? Value { get; init; }

    public static AdaptiveCardInvokeResponse Card(object card) => new() { StatusCode = 200, Type = CardType, Value = card };
    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = MessageType, Value = text };
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new() { StatusCode = statusCode, Type = ErrorType, Value = new InvokeError(code, message) };
}

/// <summary>The <c>{code, message}</c> value of an <c>application/vnd.microsoft.error</c> answer.</summary>
public sealed record InvokeError(string Code, string Message);

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Graph;

/// <summary>Keeps every log line (category, level, formatted message) so tests can check what was, and was not, logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<LogLine> _lines = new();

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

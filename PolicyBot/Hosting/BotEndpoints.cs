using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;

namespace PolicyBot.Hosting;

public static partial class BotEndpoints
{
    /// <summary><c>POST /api/messages</c> (the bot's messaging endpoint) and <c>GET /healthz</c>.</summary>
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        // A turn is not cancelled when the caller hangs up: Teams gives up waiting after ~15 s and retries, and a
        // half-done turn helps nobody. It stops with the app.
        var stopping = app.Lifetime.ApplicationStopping;
        app.MapPost("/api/messages", (HttpContext context, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context.Request, context.Response, bot, stopping));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

        var options = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Hosting");
        if (options.IsDevelopmentMode)
            LogDevelopmentMode(logger);
        else
            LogAuthenticated(logger, options.AppId!, options.TenantId!);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT MODE: Bot:AppId is not set. Unauthenticated requests to /api/messages are accepted from this machine (loopback) only, and replies are sent without a token. Set Bot:AppId, Bot:TenantId and a credential to run for Teams.")]
    static partial void LogDevelopmentMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {AppId} (tenant {TenantId}): inbound tokens are validated")]
    static partial void LogAuthenticated(ILogger logger, string appId, string tenantId);
}

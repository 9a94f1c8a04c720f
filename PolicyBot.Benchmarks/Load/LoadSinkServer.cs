using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Benchmarks.Load;

/// <summary>
/// The other side of the Ask load test, one small ASP.NET Core app on 127.0.0.1:
/// <list type="bullet">
/// <item>a Bot Connector sink: every <c>/v3/conversations/...</c> POST or PUT answers 200 with a resource id,
/// so the bot's replies cost what a fast Connector costs;</item>
/// <item><c>POST /bare</c>: the baseline, a bare endpoint that reads a JSON body and returns a JSON body of
/// about the size of an answer card, so the ratio shows what PolicyBot adds per turn.</item>
/// </list>
/// </summary>
public static class LoadSinkServer
{
    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();

        long replies = 0;
        var cardLikeBody = BuildCardLikeBody();

        app.MapMethods("/v3/conversations/{**rest}", ["POST", "PUT"], async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref replies);
            return Results.Json(new { id = "sink-" + Interlocked.Read(ref replies) });
        });
        app.MapGet("/replies", () => Results.Json(new { replies = Interlocked.Read(ref replies) }));
        app.MapPost("/bare", async (HttpRequest request) =>
        {
            using var doc = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            _ = doc.RootElement.GetProperty("text").GetString();
            return Results.Text(cardLikeBody, "application/json");
        });

        await app.RunAsync();
    }

    // About the size of an answer card activity (verdict, sentence, quoted clause, a few actions).
    static string BuildCardLikeBody()
    {
        var clause = string.Concat(Enumerable.Repeat("Staff must not accept friend requests from pupils or parents on personal accounts. ", 8));
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "message",
            attachments = new[]
            {
                new
                {
                    contentType = "application/vnd.microsoft.card.adaptive",
                    content = new
                    {
                        type = "AdaptiveCard",
                        version = "1.5",
                        body = new object[]
                        {
                            new { type = "TextBlock", text = "No", weight = "Bolder" },
                            new { type = "TextBlock", text = "The policy says no.", wrap = true },
                            new { type = "TextBlock", text = clause, wrap = true },
                        },
                        actions = Enumerable.Range(0, 4).Select(i => new { type = "Action.Execute", title = "Action " + i, verb = "answer.feedback", data = new { id = Guid.NewGuid().ToString("N") } }),
                    },
                },
            },
        });
    }
}

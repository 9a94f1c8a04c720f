if (PolicyBot.Cli.Cli.Handles(args))
{
    Environment.ExitCode = await PolicyBot.Cli.Cli.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Run();

public partial class Program;

using PolicyBot.Cli;
using PolicyBot.Graph;
using PolicyBot.Hosting;
using PolicyBot.Storage;

if (Cli.Handles(args))
{
    Environment.ExitCode = await Cli.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.UseLocalDefaultUrl();
builder.AddTableStorage();
builder.AddBotFramework();
builder.AddGraphNotifications();
builder.AddPolicyBot();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;

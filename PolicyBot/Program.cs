using PolicyBot.Cli;
using PolicyBot.Features.PolicyQuestions;
using PolicyBot.Graph;
using PolicyBot.Hosting;
using PolicyBot.Schools;
using PolicyBot.Workflow;

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
builder.AddSchools();
builder.AddWorkflows();
builder.AddPolicyQuestions();
builder.AddPolicyBot();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;

using PolicyBot.Cli;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Features.PolicyQuestions;
using PolicyBot.Features.SiteApproval;
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
builder.AddSiteApproval();
builder.AddIncidentReports();
builder.AddPolicyBot();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;

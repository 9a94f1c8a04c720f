using PolicyBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.UseLocalDefaultUrl();
builder.AddBotFramework();
builder.AddPolicyBot();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;

using PolicyBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTableStorage();

builder.UseLocalDefaultUrl();
builder.AddBotFramework();
builder.AddPolicyBot();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;

var builder = WebApplication.CreateBuilder(args);
builder.AddTableStorage();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Run();

public partial class Program;

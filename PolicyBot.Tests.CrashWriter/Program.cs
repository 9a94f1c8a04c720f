using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;

// Usage: PolicyBot.Tests.CrashWriter <database path> <table name> <writer name>
// Four writers submit transactions of ten entities each (one partition per transaction) until the process is
// killed, printing "ack <id>" only after a transaction has committed. The test kills this process with SIGKILL
// and then checks that every acknowledged transaction is complete and no transaction is partly visible.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: PolicyBot.Tests.CrashWriter <database path> <table name> <writer name>");
    return 2;
}

var service = new EmbeddedTableServiceClient(args[0]);
await service.CreateTableIfNotExistsAsync(args[1]);
var table = service.GetTableClient(args[1]);
var next = -1;
var output = TextWriter.Synchronized(Console.Out);
output.WriteLine("ready");

// If the test process dies without killing us, its end of our stdin closes: stop rather than linger.
_ = Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
    Environment.Exit(3);
});

await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var id = Interlocked.Increment(ref next);
        var actions = Enumerable.Range(0, 10).Select(row => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TableEntity($"{args[2]}-{id:D7}", $"row{row}") { ["Writer"] = args[2], ["Transaction"] = id, ["Payload"] = new string('x', 2000) }));
        await table.SubmitTransactionAsync(actions);
        output.WriteLine($"ack {id}");
    }
})));
return 0;

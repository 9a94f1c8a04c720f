using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>), a Teams-like client that
/// runs offline, pointed at the real app in development mode. It listens on 127.0.0.1 only (a <c>-r</c> preload
/// pins <c>net.Server.listen</c>), is driven through its HTTP API, and its conversation stream (WebSocket)
/// shows what the bot sent. Started and stopped by PID.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync")]
public sealed class PlaygroundFixture : IAsyncLifetime
{

    readonly StringBuilder _output = new();
    readonly ConcurrentQueue<JsonElement> _frames = new();
    readonly CancellationTokenSource _stop = new();
    Process? _process;
    ClientWebSocket? _socket;
    Task? _reader;
    string? _preloadPath;
    string? _workDirectory;

    public BotApp App { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The playground's own output, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
            await InstallNodeToolsAsync();

        var botEndpoint = App.MessagesEndpoint;
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // The playground writes devTools/*.log into its working directory: give it a scratch one, not the repository.
        _workDirectory = Directory.CreateTempSubdirectory("policybot-playground-").FullName;
        // The same preload scripts/playground uses: every listening socket on 127.0.0.1.
        _preloadPath = Path.Combine(RepoPaths.Root, "tools", "playground", "loopback.cjs");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workDirectory,
        };
        foreach (var arg in new[] { "-r", _preloadPath, cli, "-e", botEndpoint.ToString(), "-c", "msteams",
                     "--su", $"http://127.0.0.1:{port}/_connector", "-p", port.ToString(), "--dt" })
            start.ArgumentList.Add(arg);
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync();
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _reader = ReadFramesAsync(_socket, _stop.Token);
    }

    /// <summary>GET /_internal/v1/config: the simulated tenant, user and conversations.</summary>
    public async Task<JsonElement> GetConfigAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("_internal/v1/config")).GetProperty("config");

    /// <summary>How many frames the conversation stream has delivered so far.</summary>
    public int FrameCount => _frames.Count;

    /// <summary>
    /// The first frame of the conversation stream after the first <paramref name="after"/> frames that matches
    /// <paramref name="match"/> (bounded wait).
    /// </summary>
    public async Task<JsonElement> WaitForFrameAsync(Func<JsonElement, bool> match, int after = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var frame in _frames.Skip(after))
            {
                if (match(frame))
                    return frame;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching frame from the playground. Frames: {string.Join("\n", _frames.Select(f => f.GetRawText()))}\nOutput:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            try { await _reader; } catch (OperationCanceledException) { } catch (WebSocketException) { }
        }
        _socket?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Http?.Dispose();
        if (_workDirectory is not null)
            Directory.Delete(_workDirectory, recursive: true);
        await App.DisposeAsync();
        _stop.Dispose();
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"The Agents Playground exited ({_process.ExitCode}):\n{Output}");
            try
            {
                using var response = await Http.GetAsync("_internal/v1/config");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The Agents Playground did not start:\n{Output}");
    }

    async Task ReadFramesAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
                continue;
            try
            {
                _frames.Enqueue(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
            catch (JsonException)
            {
                // not a JSON frame: ignore
            }
            message.SetLength(0);
        }
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A fresh clone has no node_modules yet: install the pinned npm tools once (package-lock.json).
    static async Task InstallNodeToolsAsync()
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
            start.ArgumentList.Add(arg);
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException("npm ci did not finish in 5 minutes.");
        }
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}):\n{await output}\n{await error}");
    }
}

namespace PolicyBot.Tests.Infrastructure;

/// <summary>A clock a test moves by hand (real time until moved).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}

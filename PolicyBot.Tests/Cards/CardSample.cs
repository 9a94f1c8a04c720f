using System.Linq.Expressions;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// One card in one state, made from realistic data. <see cref="Builder"/> is read from the call itself,
/// so a sample cannot claim to cover a builder it does not call.
/// </summary>
public sealed record CardSample(string Name, string Description, Type Builder, AdaptiveCard Card)
{
    public static CardSample Of(string name, string description, Expression<Func<AdaptiveCard>> build)
    {
        if (build.Body is not MethodCallExpression { Method: { Name: "Build", IsStatic: true, DeclaringType: { } builder } })
            throw new ArgumentException($"Sample '{name}' must be a direct call to a card's static Build method.", nameof(build));
        return new CardSample(name, description, builder, build.Compile()());
    }

    public override string ToString() => Name;
}

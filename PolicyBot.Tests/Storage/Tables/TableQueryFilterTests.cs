using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_inner_quotes_doubled()
    {
        TableClient.CreateQueryFilter($"Name eq {"O'Brien"}").Should().Be("Name eq 'O''Brien'");
    }

    [Fact]
    public void Each_value_type_gets_its_OData_literal()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var when = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(1));

        TableClient.CreateQueryFilter($"A eq {42} and B eq {42L} and C eq {true} and D eq {2.5} and E eq {3.0} and F eq {when} and G eq {id} and H eq {new byte[] { 0xAB, 1 }}")
            .Should().Be("A eq 42 and B eq 42L and C eq true and D eq 2.5 and E eq 3.0 and F eq datetime'2026-05-06T06:08:09.0000000Z' " +
                         "and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and H eq X'ab01'");
    }
}

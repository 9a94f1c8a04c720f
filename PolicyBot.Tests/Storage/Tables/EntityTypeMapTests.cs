using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

public sealed class EntityTypeMapTests
{
    sealed class WithUnsupported : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public decimal Price { get; set; }
    }

    [Fact]
    public void Enums_are_stored_by_name_and_nulls_are_not_stored()
    {
        var properties = EntityTypeMap.ToProperties(new EveryTypeEntity { PartitionKey = "p", RowKey = "r", Colour = Colour.Green, MaybeColour = null });

        properties["Colour"].Should().Be("Green");
        properties.Should().NotContainKey("MaybeColour");
        properties.Should().NotContainKeys("Timestamp", "ETag");
    }

    [Fact]
    public void A_property_type_a_table_cannot_hold_is_refused_naming_the_property()
    {
        var map = () => EntityTypeMap.ToProperties(new WithUnsupported { PartitionKey = "p", RowKey = "r" });

        map.Should().Throw<NotSupportedException>().WithMessage("*WithUnsupported.Price*Decimal*");
    }

    [Fact]
    public void A_stored_value_that_does_not_fit_the_property_is_reported_clearly()
    {
        var read = () => EntityTypeMap.FromProperties<CounterEntity>(new Dictionary<string, object?> { ["Count"] = "many" }, null, default);

        read.Should().Throw<InvalidOperationException>().WithMessage("*'Count'*Int32*");
    }
}

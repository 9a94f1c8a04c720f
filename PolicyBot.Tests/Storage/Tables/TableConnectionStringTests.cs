using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

public sealed class TableConnectionStringTests
{
    static readonly string Key = Convert.ToBase64String(new byte[] { 1, 2, 3 });

    [Fact]
    public void An_account_key_connection_string_uses_the_account_s_table_endpoint()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=school;AccountKey={Key};EndpointSuffix=core.windows.net");

        parsed.TableEndpoint.Should().Be(new Uri("https://school.table.core.windows.net"));
        parsed.AccountName.Should().Be("school");
        parsed.AccountKey.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void UseDevelopmentStorage_means_Azurite_s_default_path_style_endpoint()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        parsed.TableEndpoint.Should().Be(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        parsed.AccountName.Should().Be("devstoreaccount1");
    }

    [Fact]
    public void An_explicit_TableEndpoint_wins_and_keeps_its_path()
    {
        var parsed = TableConnectionString.Parse($"AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:41234/devstoreaccount1/;");

        parsed.TableEndpoint.Should().Be(new Uri("http://127.0.0.1:41234/devstoreaccount1"));
    }

    [Theory]
    [InlineData("AccountName=school", "*AccountKey*")]
    [InlineData("AccountKey=AAAA", "*AccountName*")]
    [InlineData("AccountName=school;AccountKey=not base64!", "*base64*")]
    [InlineData("just some text", "*Name=Value*")]
    public void A_broken_connection_string_is_refused_with_a_message_naming_what_is_wrong(string connectionString, string message)
    {
        var parse = () => TableConnectionString.Parse(connectionString);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void The_key_never_appears_when_the_connection_string_is_printed()
    {
        var secret = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a very secret key"));

        TableConnectionString.Parse($"AccountName=school;AccountKey={secret}").ToString().Should().NotContain(secret);
    }
}

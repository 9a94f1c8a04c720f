using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

public sealed class StemmerTests
{
    [Theory]
    [InlineData("photographs", "photograph")]
    [InlineData("authorised", "authorisation")]
    [InlineData("authorized", "authorise")]
    [InlineData("approval", "approved")]
    [InlineData("communicating", "communication")]
    [InlineData("policies", "policy")]
    [InlineData("naming", "name")]
    [InlineData("permitted", "permit")]
    [InlineData("requests", "request")]
    public void Forms_of_a_word_share_a_stem(string a, string b) =>
        Stemmer.Stem(a).Should().Be(Stemmer.Stem(b));

    [Theory]
    [InlineData("dsl")]
    [InlineData("24")]
    [InlineData("ok")]
    public void Short_words_and_numbers_are_left_alone(string word) =>
        Stemmer.Stem(word).Should().Be(word);

    [Theory]
    [InlineData("notes")]
    [InlineData("note")]
    [InlineData("noted")]
    public void A_note_is_not_read_as_the_word_not(string word)
    {
        Stemmer.Stem(word).Should().NotBe(Stemmer.Stem("not"));
        Stemmer.Stem(word).Should().Be(Stemmer.Stem("notes"));
    }
}

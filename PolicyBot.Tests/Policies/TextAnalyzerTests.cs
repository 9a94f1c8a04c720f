using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

public sealed class TextAnalyzerTests
{
    static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    static List<string> Concepts(string text) => Analyzer.Analyze(text).Select(t => t.Concept).ToList();

    static string Concept(string word) => Concepts(word).Should().ContainSingle().Subject;

    [Fact]
    public void To_call_into_question_is_not_a_phone_call()
    {
        Concepts("contact likely to call into question their objectivity").Should().NotContain(Concept("phone"));
        Concepts("can I call a parent about it?").Should().Contain(Concept("phone"));
    }

    [Theory]
    [InlineData("insta", "instagram")]
    [InlineData("fb", "facebook")]
    [InlineData("the school X account", "the school twitter account")]
    [InlineData("pics", "photograph")]
    [InlineData("selfie", "photo")]
    [InlineData("mum", "parent")]
    [InlineData("dad", "carer")]
    [InlineData("kids", "pupils")]
    [InlineData("Y5", "pupil")]
    [InlineData("year 5", "students")]
    [InlineData("DMs", "message")]
    [InlineData("senior leadership team", "SLT")]
    [InlineData("the head teacher", "headteacher")]
    [InlineData("log-in details", "password")]
    [InlineData("e-mail", "email")]
    public void Staff_words_and_policy_words_meet_in_one_concept(string staffWords, string policyWords)
    {
        Concepts(staffWords).Should().Equal(Concepts(policyWords));
    }

    [Fact]
    public void Questions_expand_platforms_to_social_media()
    {
        var socialMedia = Concept("social media");

        Analyzer.Vocabulary.Expansions(Concept("instagram")).Should().Contain(e => e.Concept == socialMedia);
    }

    [Fact]
    public void Questions_expand_a_parent_to_a_family_member()
    {
        var family = Concept("family members");

        Analyzer.Vocabulary.Expansions(Concept("mum")).Should().Contain(e => e.Concept == family);
    }

    [Fact]
    public void Follow_reaches_friend()
    {
        var friend = Concept("friends");

        Analyzer.Vocabulary.Expansions(Concept("follow")).Should().Contain(e => e.Concept == friend && e.Weight >= 0.5);
    }

    [Fact]
    public void A_contraction_is_not_read_as_another_word()
    {
        // Without the apostrophe "we'd" is "wed", "I'll" is "ill" and "she'd" is "shed".
        Concepts("we'd like a class blog, I'll run it and she'd help").Should().Equal(Concepts("we like a class blog, I run it and she help"));
    }

    [Fact]
    public void Stop_words_and_chat_fillers_are_dropped()
    {
        Concepts("can i just ask, tbh is it ok?").Should().BeEmpty();
    }

    [Fact]
    public void The_vocabulary_is_loaded_from_the_embedded_data_file()
    {
        Analyzer.Vocabulary.StopWords.Should().Contain("the");
        Analyzer.Vocabulary.DomainConcepts.Should().Contain(Concept("social media"));
        Analyzer.Vocabulary.Platforms.Should().Contain(Concept("tiktok"));
    }

    [Theory]
    [InlineData("can I just set one up?", "set up")]
    [InlineData("who takes it down?", "take down")]
    [InlineData("who signs this off?", "sign off")]
    [InlineData("her top had ridden right up", "ridden up")]
    public void A_phrasal_verb_split_by_a_pronoun_reads_as_the_phrase(string question, string phrase)
    {
        Concepts(question).Should().Contain(Concept(phrase));
    }

    [Fact]
    public void Snapping_a_pic_is_taking_a_photo_not_snapchat()
    {
        Concepts("I snapped a pic during PE").Should().Contain(Concept("photo")).And.NotContain(Concept("snapchat"));
    }
}

using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

public sealed class OwnershipTests
{
    [Theory]
    [InlineData("can i go on insta on my own phone at lunch", Owner.Personal)]
    [InlineData("is it ok to post this on my personal facebook", Owner.Personal)]
    // An account said to be private is still one's own: "my private fb" is "my fb".
    [InlineData("is it ok to have a moan about work on my private fb", Owner.Personal)]
    [InlineData("can i use the school laptop for facebook at break", Owner.School)]
    [InlineData("can i check twitter on the classroom pc", Owner.School)]
    [InlineData("can i accept a friend request from a pupil", Owner.None)]
    [InlineData("can we put this on the school's own instagram", Owner.School)]
    [InlineData("can i use the office computer to check twitter at lunch", Owner.School)]
    [InlineData("can i go on facebook on the staffroom pc", Owner.School)]
    [InlineData("can our class have its own youtube channel", Owner.None)]
    [InlineData("we'd like our own class blog", Owner.None)]
    // Signing up to a platform makes an account of one's own, whatever email it is made with.
    [InlineData("used my school email to sign up for twitter", Owner.Both)]
    [InlineData("can i join tiktok", Owner.Personal)]
    [InlineData("can we post it on the school twitter", Owner.School)]
    // An account made for a class or year group is the school's, as a class blog is, not the staff member's own.
    [InlineData("could I start an instagram page for my year 6 class", Owner.School)]
    [InlineData("is a youtube channel for our pupils ok", Owner.School)]
    public void A_question_says_whose_device_or_account_it_is_about(string question, Owner expected) =>
        Ownership.OfQuestion(question).Should().Be(expected);

    // "My class on insta" is the pupils of my class on instagram, not a class account; "the school on fb" is the school
    // talked about there. A school's own thing is said without a preposition between ("the class insta", "school fb page").
    [Theory]
    [InlineData("when I leave can I stay in touch with my class on instagram?", Owner.None)]
    [InlineData("someone is slagging off the school on facebook", Owner.None)]
    [InlineData("can I put it on the class insta page?", Owner.School)]
    [InlineData("can I post on the school facebook page?", Owner.School)]
    public void A_preposition_between_the_school_or_class_and_an_account_is_not_the_schools_account(string question, Owner expected) =>
        Ownership.OfQuestion(question).Should().Be(expected);

    [Theory]
    [InlineData("Staff may use their own devices to access social media websites while they are in school.", Owner.Personal)]
    [InlineData("Staff must not access social media from the school's computers or other school devices.", Owner.School)]
    [InlineData("Staff can only use official school sites for communicating with pupils.", Owner.School)]
    [InlineData("School-hosted sites must always include the school logo.", Owner.School)]
    [InlineData("School email addresses must not be used for personal social media accounts.", Owner.Both)]
    // Personal use is what the device is used for, not whose device it is.
    [InlineData("Staff must not access social media in a personal capacity from the school's computers.", Owner.School)]
    public void A_policy_sentence_says_whose_device_or_account_it_is_about(string text, Owner expected) =>
        Ownership.OfText(text).Should().Be(expected);

    [Theory]
    [InlineData("Staff members using social media for work purposes must keep to the same standards as in class.")]
    [InlineData("Any communication made in a professional capacity through social media must not bring the school into disrepute.")]
    public void Social_media_for_work_purposes_or_in_a_professional_capacity_is_the_schools(string text) =>
        Ownership.OfText(text).Should().Be(Owner.School);

    [Theory]
    [InlineData(Owner.School, Owner.Personal, true)]
    [InlineData(Owner.Personal, Owner.School, true)]
    [InlineData(Owner.School, Owner.School, false)]
    [InlineData(Owner.School, Owner.Both, false)]
    [InlineData(Owner.None, Owner.Personal, false)]
    [InlineData(Owner.Both, Owner.Personal, false)]
    public void Only_a_clear_disagreement_conflicts(Owner question, Owner text, bool expected) =>
        Ownership.Conflicts(question, text).Should().Be(expected);
}

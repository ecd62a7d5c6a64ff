package org.wiredesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoryRepository;

/**
 * Search finds the forms of a word in the story's own language. The sentences are from pages in ../shared/corpus
 * (trafilatura-eval, the scrapinghub benchmark, readability's la-nacion), except the Russian ones, which were written
 * for this test (the corpus has no Russian prose), and the short "unrelated" ones marked as written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordFormsSearchTest {
    private final Database db = org.wiredesk.store.TestDesk.inMemory(false).owner();
    private final StoryRepository stories = new StoryRepository(db);
    private SearchIndex index;
    private int count;

    @TempDir
    static Path dir;

    private StoryId rentStrike;
    private StoryId israeliStrikes;
    private StoryId strictRules;
    private StoryId streiks;
    private StoryId streit;
    private StoryId greve;
    private StoryId reforme;
    private StoryId huelga;
    private StoryId thawra;
    private StoryId hurriya;
    private StoryId zabastovka;
    private StoryId zavod;
    private StoryId noLanguage;
    private StoryId polish;
    private StoryId strikers;
    private StoryId theatre;

    @BeforeAll
    void fillTheStoreAndIndex() {
        rentStrike = add("en", "Students rally", "Fraser Amos, a final-year student in global sustainable development "
                + "at Warwick University, is helping to rally support for a rent strike in the university’s halls, "
                + "a movement that is growing across the country.");
        israeliStrikes = add("en-GB", "Wave of Israeli strikes hit Iran's forces in Syria", "Israel's military says "
                + "the strikes inside Syria were in response to rockets fired by Iranian troops.");
        strictRules = add("en", "Strict rules for a stricken district", "Written here: the council kept its strict "
                + "rules for the flood-stricken district.");
        streiks = add("de", "Haubenfahrzeuge aus Magirus-Werk", "Bei Kriegsende im November 1918 besetzten zunächst "
                + "Arbeiter- und Soldatenräte das Werk, wiederholt kam es zu Streiks.");
        streit = add("de-AT", "Streit um die Miete", "Hier geschrieben: Der Streit um die Mieten geht weiter.");
        greve = add("fr", "L’université Paris-8 est en grève", "Depuis la rentrée de janvier, étudiants, personnels "
                + "et enseignants luttent à la fois contre la réforme des retraites et contre le projet de réforme de "
                + "la recherche, qui doit être présenté avant la fin du mois.");
        reforme = add("fr-FR", "Retraites", "Fin de la réforme ou fin de la saison ? Écrit ici.");
        huelga = add("es-AR", "Cada actor reivindica sus intereses", "Entonces, cada actor reivindica sus intereses "
                + "con los medios de que dispone: los sindicatos hacen huelga, los estudiantes toman colegios, los "
                + "empresarios cierran las fábricas y todos hacen piquetes.");
        thawra = add("ar", "كل الشروط متوفرة لثورة سودانية", "استلهمنا من تونس سلمية الثورة ونعتبر أن في ذلك امكانية "
                + "للخروج من الازمة في السودان.");
        hurriya = add("ar-TN", "ميثاق مشترك", "المشهد السوداني يعيش حراكا شعبيا على مستوى الشارع يجمع المهنيين من كل "
                + "الاختصاصات من محامين واطباء ومهندسين الذين جمعهم ميثاق مشترك يستند الى المطالبة بالحرية والتغيير.");
        zabastovka = add("ru", "Профсоюзы объявили забастовку", "Рабочие завода не вышли на смену: забастовка "
                + "продлится три дня.");
        zavod = add("ru-RU", "Заводы работают", "Все заводы города работают в обычном режиме.");
        noLanguage = add(null, "Harbour talks", "The breakwater held, officials said: no strike is planned.");
        polish = add("pl", "Łódź: nowy dworzec", "Dworzec Łódź Fabryczna otwarto po czterech latach budowy.");
        strikers = add("en", "Strikers march on parliament", "Written here: thousands marched.");
        theatre = add("en", "Theatre reopens", "Written here: the old stage is back.");
        index = SearchIndex.open(dir, stories);
        assertThat(index.catchUp()).isEqualTo(count);
    }

    @AfterAll
    void close() {
        index.close();
        db.close();
    }

    private StoryId add(String language, String headline, String body) {
        count++;
        String key = "wordforms-" + count;
        NewStory story = new NewStory(key, "Test Agency", URI.create("https://agency.example/" + key),
                new Headline(headline), new Body("<p>" + body + "</p>", Fingerprint.ofText(body)), "A. Reporter",
                language, null, Instant.parse("2026-11-26T08:00:00Z"));
        return stories.insertIfNew(story, "test").orElseThrow();
    }

    private List<StoryId> found(String text) {
        return index.search(text, 50).stream().map(SearchHit::id).toList();
    }

    @Test
    void englishStrikeFindsStrikesAndStrikesFindsStrike() {
        assertThat(found("strike")).contains(rentStrike, israeliStrikes).doesNotContain(strictRules, theatre);
        assertThat(found("strikes")).contains(rentStrike, israeliStrikes).doesNotContain(strictRules);
    }

    @Test
    void germanStreikFindsStreiksButNotStreit() {
        assertThat(found("Streik")).containsExactly(streiks);
        assertThat(found("streit")).containsExactly(streit);
        assertThat(found("Soldatenrat")).as("umlaut and plural: Soldatenräte").containsExactly(streiks);
    }

    @Test
    void frenchGreveFindsGrevesWithOrWithoutAccents() {
        assertThat(found("grèves")).containsExactly(greve);
        assertThat(found("greve")).as("typed without the accent").containsExactly(greve);
        assertThat(found("réformes")).containsExactlyInAnyOrder(greve, reforme);
        assertThat(found("universités")).as("after the elision L’").containsExactly(greve);
    }

    @Test
    void spanishHuelgasFindsHuelgaAndFabricaFindsFabricas() {
        assertThat(found("huelgas")).containsExactly(huelga);
        assertThat(found("fabrica")).containsExactly(huelga);
        assertThat(found("sindicato")).containsExactly(huelga);
    }

    @Test
    void arabicFindsTheWordWithAndWithoutTheArticle() {
        assertThat(found("ثورة")).as("revolution: الثورة in the body").containsExactly(thawra);
        assertThat(found("الحرية")).as("freedom: بالحرية in the body").containsExactly(hurriya);
        assertThat(found("حرية")).containsExactly(hurriya);
    }

    @Test
    void russianFindsTheCasesOfAWord() {
        assertThat(found("забастовки")).containsExactly(zabastovka);
        assertThat(found("завод")).as("завода and заводы").containsExactlyInAnyOrder(zabastovka, zavod);
        assertThat(found("забастовка")).doesNotContain(zavod);
    }

    @Test
    void aStoryWithoutALanguageIsFoundByItsWordsAsWritten() {
        assertThat(found("breakwater")).containsExactly(noLanguage);
        assertThat(found("strike")).as("the same word in a story without a language").contains(noLanguage);
    }

    @Test
    void aLanguageWithoutAStemmerIsFoundWithAccentsFolded() {
        assertThat(found("Łódź")).containsExactly(polish);
        assertThat(found("lodz")).containsExactly(polish);
        assertThat(found("fabryczna")).containsExactly(polish);
    }

    @Test
    void anExactPhraseNeedsItsWordsInOrder() {
        assertThat(found("\"rent strike\"")).containsExactly(rentStrike);
        assertThat(found("\"strike rent\"")).isEmpty();
        assertThat(found("\"Israeli strike\"")).as("in any of their forms").containsExactly(israeliStrikes);
        assertThat(found("\"fin de la réforme\"")).as("stop words inside a phrase").containsExactly(reforme);
        assertThat(found("\"fin de la grève\"")).isEmpty();
    }

    @Test
    void theMatchingFormIsMarkedInTheSnippet() {
        SearchHit hit = index.search("Streik", 5).get(0);
        assertThat(hit.snippet()).contains(SearchHit.MARK_START + "Streiks" + SearchHit.MARK_END);
        SearchHit french = index.search("greve", 5).get(0);
        assertThat(french.headline()).contains(SearchHit.MARK_START + "grève" + SearchHit.MARK_END);
    }

    @Test
    void whatTheFilterShowsAsOneTypesEnterFindsToo() {
        assertThat(found("strike")).as("the filter shows Strikers for 'strike'").contains(strikers);
        assertThat(found("strik")).as("a word typed in part").contains(strikers, israeliStrikes);
        assertThat(found("test agency")).as("the source's name, as the filter sees it").hasSize(count);
    }

    @Test
    void onlyTheLastWordIsTakenAsTheStartOfAWord() {
        assertThat(found("the strike")).doesNotContain(theatre);
        assertThat(found("thea")).containsExactly(theatre);
    }

    @Test
    void notAWordLeavesItsFormsOut() {
        assertThat(found("strike -syria")).contains(rentStrike).doesNotContain(israeliStrikes);
    }
}

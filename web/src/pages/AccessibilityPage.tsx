import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';

/**
 * Tillgänglighetsredogörelse with the fields DIGG requires (lagen om tillgänglighet till digital
 * offentlig service, 2018:1937). Fields in [brackets] are for the deploying organisation to fill in.
 */
const DIGG_REPORT = 'https://www.digg.se/tdosanmalan';

function Field({ children }: { children: string }) {
  return <mark className="placeholder">[{children}]</mark>;
}

export function AccessibilityPage() {
  const { lang } = useI18n();
  return lang === 'en' ? <English /> : <Swedish />;
}

function Swedish() {
  return (
    <>
      <PageHeading title="Tillgänglighetsredogörelse" />
      <p className="lead">
        <Field>Organisationens namn</Field> står bakom Styrkort, <Field>webbplatsens adress</Field>. Vi vill att så många som möjligt ska kunna
        använda webbplatsen. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända
        tillgänglighetsproblem och hur du kan rapportera brister så att vi kan åtgärda dem.
      </p>

      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>
        Webbplatsen är <Field>helt förenlig / delvis förenlig / inte förenlig</Field> med lagen om tillgänglighet till digital offentlig service.
        Den är byggd för att uppfylla WCAG 2.1 nivå AA (EN 301 549).
      </p>

      <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
      <p>
        Om du behöver innehåll från webbplatsen i ett annat format kan du kontakta oss: e-post <Field>e-postadress</Field>, telefon{' '}
        <Field>telefonnummer</Field>. Vi svarar inom <Field>antal</Field> arbetsdagar.
      </p>

      <h2>Rapportera brister i webbplatsens tillgänglighet</h2>
      <p>
        Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte
        uppfyller lagens krav, meddela oss på <Field>e-postadress eller kontaktformulär</Field> så att vi vet att problemet finns.
      </p>

      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte
        är nöjd med hur vi hanterar dina synpunkter kan du <a href={DIGG_REPORT}>kontakta Myndigheten för digital förvaltning och påtala det</a>.
      </p>

      <h2>Teknisk information om webbplatsens tillgänglighet</h2>
      <p>
        Webbplatsen är <Field>helt förenlig / delvis förenlig / inte förenlig</Field> med lagen om tillgänglighet till digital offentlig service
        <Field>, på grund av de brister som beskrivs nedan</Field>.
      </p>

      <h3>Innehåll som inte är tillgängligt</h3>
      <p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.</p>
      <h4>Bristande förenlighet med lagkraven</h4>
      <ul>
        <li>
          <Field>Beskriv bristen, vilket WCAG-kriterium den gäller och när den ska vara åtgärdad</Field>
        </li>
        <li>
          Diagram visas som bilder med en kort textbeskrivning; alla värden i diagrammen finns också i tabeller på samma sida (WCAG 1.1.1).
        </li>
        <li>
          I den engelska versionen är namn på indikatorer, mål, områden och perioder fortfarande på svenska, eftersom de kommer från
          uppföljningsdatan.
        </li>
      </ul>
      <h4>Oskäligt betungande anpassning</h4>
      <p>
        <Field>Beskriv innehåll som organisationen åberopar oskäligt betungande anpassning för, med motivering, eller ange att det inte finns något sådant innehåll</Field>
      </p>
      <h4>Innehållet omfattas inte av lagstiftningen</h4>
      <p>
        <Field>Beskriv innehåll som inte omfattas, till exempel kartor eller innehåll från tredje part, eller ange att det inte finns något sådant innehåll</Field>
      </p>

      <h2>Hur vi testat webbplatsen</h2>
      <p>
        Styrkort testas automatiskt vid varje ändring: varje sidtyp öppnas i webbläsaren Chromium och granskas med axe mot WCAG 2.1 A och AA,
        och en genomgång med enbart tangentbord går från översikten till en indikator, ett sammanträde och dess styrelsepaket. Sidorna fungerar i
        320 pixlars bredd och i 200 % förstoring.
      </p>
      <p>
        <Field>Organisationens namn</Field> har gjort en <Field>självskattning (intern testning) / granskning av extern part</Field> av
        webbplatsen. Senaste bedömningen gjordes den <Field>datum</Field>.
      </p>
      <p>
        Webbplatsen publicerades den <Field>datum</Field>. Redogörelsen uppdaterades senast den <Field>datum</Field>.
      </p>
    </>
  );
}

function English() {
  return (
    <>
      <PageHeading title="Accessibility statement" />
      <p className="lead">
        <Field>Name of the organisation</Field> is responsible for Styrkort, <Field>address of the website</Field>. We want as many people as
        possible to be able to use this website. This statement describes how the website complies with the Swedish Act on accessibility to
        digital public services (2018:1937), known accessibility problems, and how you can report shortcomings so that we can fix them.
      </p>

      <h2>How accessible is the website?</h2>
      <p>
        The website is <Field>fully / partially / not</Field> compliant with the Act on accessibility to digital public services. It is built to
        meet WCAG 2.1 level AA (EN 301 549).
      </p>

      <h2>What can you do if you cannot use parts of the website?</h2>
      <p>
        If you need content from this website in another format, contact us: e-mail <Field>e-mail address</Field>, telephone{' '}
        <Field>telephone number</Field>. We answer within <Field>number</Field> working days.
      </p>

      <h2>Reporting accessibility problems</h2>
      <p>
        We keep working to improve accessibility. If you find problems not described here, or think we do not meet the requirements of the law,
        tell us at <Field>e-mail address or contact form</Field> so that we know the problem exists.
      </p>

      <h2>Enforcement</h2>
      <p>
        The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. If you are not satisfied with how
        we handle your comments, you can <a href={DIGG_REPORT}>contact the Agency for Digital Government</a> (in Swedish).
      </p>

      <h2>Technical information about the website’s accessibility</h2>
      <p>
        The website is <Field>fully / partially / not</Field> compliant with the Act on accessibility to digital public services
        <Field>, due to the shortcomings described below</Field>.
      </p>

      <h3>Content that is not accessible</h3>
      <h4>Non-compliance with the requirements</h4>
      <ul>
        <li>
          <Field>Describe the shortcoming, the WCAG criterion it concerns and when it will be fixed</Field>
        </li>
        <li>Charts are images with a short text description; every value in a chart is also in a table on the same page (WCAG 1.1.1).</li>
        <li>In English, the names of indicators, goals, areas and periods remain in Swedish, as they come from the data.</li>
      </ul>
      <h4>Disproportionate burden</h4>
      <p>
        <Field>Describe content for which the organisation claims disproportionate burden, with reasons, or state that there is none</Field>
      </p>
      <h4>Content not within the scope of the law</h4>
      <p>
        <Field>Describe content outside the scope, such as maps or third-party content, or state that there is none</Field>
      </p>

      <h2>How we tested the website</h2>
      <p>
        Styrkort is tested automatically on every change: every page type is opened in Chromium and checked with axe against WCAG 2.1 A and AA,
        and a keyboard-only walk goes from the overview to an indicator, a meeting and its board pack. The pages work at 320 pixels wide and at
        200 % zoom.
      </p>
      <p>
        <Field>Name of the organisation</Field> has carried out a <Field>self-assessment / third-party audit</Field> of the website. The latest
        assessment was made on <Field>date</Field>.
      </p>
      <p>
        The website was published on <Field>date</Field>. This statement was last updated on <Field>date</Field>.
      </p>
    </>
  );
}

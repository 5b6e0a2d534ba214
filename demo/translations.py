"""Demo translations: the launch of the Drug User Peace Initiative, the campaign itself, its
foreword and the About us page, in Russian, Spanish and French, linked to the English
originals. Written for this project; loaded after the English content, safe to run again."""

from datetime import date

from django.core.files.base import ContentFile
from django.utils import translation

from blog.models import Category, Post
from campaigns.models import Campaign, CampaignDocument
from campaigns.pdf import minimal_pdf
from menus.models import MenuItem
from pages.models import Page

LAUNCH_POST = "drug-user-peace-initiative-launched"
CAMPAIGN = "drug-user-peace-initiative"

POSTS = {
    "ru": {
        "slug": "zapushchena-initsiativa-za-mir",
        "title": "Запущена Инициатива людей, употребляющих наркотики, за мир",
        "body": (
            "<p>INPUD запустила Инициативу людей, употребляющих наркотики, за мир: четыре "
            "связанных между собой документа с предисловием и кратким изложением, которые "
            "описывают вред войны с наркотиками глазами тех, против кого она ведётся.</p>"
            "<!--more-->"
            "<ol><li>Нарушения прав человека в отношении людей, употребляющих наркотики</li>"
            "<li>Стигматизация людей, употребляющих наркотики</li>"
            "<li>Война против здоровья людей, употребляющих наркотики</li>"
            "<li>Война против женщин, употребляющих наркотики</li></ol>"
            "<p>Эти документы станут нашим главным инструментом адвокации на пути к "
            "Специальной сессии Генеральной Ассамблеи ООН по наркотикам 2016 года. "
            "Пожалуйста, подпишитесь и поддержите кампанию.</p>"
            "<p>Эта работа стала возможной отчасти благодаря Фонду сетей гражданского "
            "общества имени Роберта Карра и гранту Фондов Открытого общества.</p>"
        ),
    },
    "es": {
        "slug": "lanzada-la-iniciativa-de-paz",
        "title": "Lanzada la Iniciativa de Paz de las Personas que Usan Drogas",
        "body": (
            "<p>INPUD ha lanzado la Iniciativa de Paz de las Personas que Usan Drogas: cuatro "
            "documentos relacionados, presentados con un prólogo y un resumen ejecutivo, que "
            "exponen los daños de la guerra contra las drogas desde el punto de vista de las "
            "personas contra las que se libra.</p>"
            "<!--more-->"
            "<ol><li>Violaciones de los derechos humanos de las personas que usan drogas</li>"
            "<li>La estigmatización de las personas que usan drogas</li>"
            "<li>Una guerra contra la salud de las personas que usan drogas</li>"
            "<li>Una guerra contra las mujeres que usan drogas</li></ol>"
            "<p>Los documentos serán nuestra principal herramienta de incidencia de cara a la "
            "Sesión Especial de la Asamblea General de la ONU sobre Drogas de 2016. Firma y "
            "apoya la campaña.</p>"
            "<p>Este trabajo ha sido posible en parte gracias al Fondo Robert Carr para redes "
            "de la sociedad civil y a una subvención de Open Society Foundations.</p>"
        ),
    },
    "fr": {
        "slug": "lancement-de-l-initiative-pour-la-paix",
        "title": "Lancement de l’Initiative pour la paix des personnes qui usent de drogues",
        "body": (
            "<p>INPUD lance l’Initiative pour la paix des personnes qui usent de drogues : "
            "quatre documents liés, précédés d’un avant-propos et d’une synthèse, qui "
            "exposent les méfaits de la guerre contre la drogue du point de vue des personnes "
            "qu’elle vise.</p>"
            "<!--more-->"
            "<ol><li>Les violations des droits humains des personnes qui usent de drogues</li>"
            "<li>La stigmatisation des personnes qui usent de drogues</li>"
            "<li>Une guerre contre la santé des personnes qui usent de drogues</li>"
            "<li>Une guerre contre les femmes qui usent de drogues</li></ol>"
            "<p>Ces documents seront notre principal outil de plaidoyer sur la route de la "
            "session extraordinaire de l’Assemblée générale des Nations unies sur les drogues "
            "de 2016. Signez et soutenez la campagne.</p>"
            "<p>Ce travail a été rendu possible en partie par le Fonds Robert Carr pour les "
            "réseaux de la société civile et par une subvention des Open Society "
            "Foundations.</p>"
        ),
    },
}

CAMPAIGNS = {
    "ru": {
        "slug": "initsiativa-za-mir",
        "title": "Инициатива людей, употребляющих наркотики, за мир",
        "summary": (
            "Четыре связанных документа с предисловием и кратким изложением о том, что война "
            "с наркотиками делает с людьми, против которых она ведётся, и призыв заключить мир."
        ),
        "body": (
            "<p>Война с наркотиками ведётся против людей. Инициатива людей, употребляющих "
            "наркотики, за мир показывает с нашей точки зрения, какой вред она наносит: "
            "правам человека, достоинству, здоровью и особенно женщинам.</p>"
            "<p>Эти документы — наш инструмент адвокации на пути к Специальной сессии "
            "Генеральной Ассамблеи ООН по наркотикам 2016 года. Прочитайте их, поделитесь "
            "ими и поставьте свою подпись.</p>"
        ),
        "call_to_action": (
            "Поставьте свою подпись и призовите правительства прекратить войну против людей, "
            "употребляющих наркотики."
        ),
        "thank_you_text": (
            "Каждая подпись делает наш призыв громче. Поделитесь документами с теми, кто "
            "определяет наркополитику там, где вы живёте."
        ),
        "acknowledgements": (
            "Эта работа стала возможной отчасти благодаря Фонду сетей гражданского общества "
            "имени Роберта Карра и гранту Фондов Открытого общества."
        ),
        "foreword": (
            "Предисловие",
            "Почему сеть людей, употребляющих наркотики, говорит о мире, и почему сейчас.",
            "Людей, которые живут с последствиями наркополитики, редко о ней спрашивают. "
            "Это предисловие объясняет, почему сеть написала эти документы сама.",
        ),
    },
    "es": {
        "slug": "iniciativa-de-paz",
        "title": "Iniciativa de Paz de las Personas que Usan Drogas",
        "summary": (
            "Cuatro documentos relacionados, con un prólogo y un resumen ejecutivo, sobre lo "
            "que la guerra contra las drogas hace a las personas contra las que se libra, y un "
            "llamamiento a hacer la paz."
        ),
        "body": (
            "<p>La guerra contra las drogas se libra contra personas. La Iniciativa de Paz de "
            "las Personas que Usan Drogas expone, desde nuestro punto de vista, el daño que "
            "causa: a los derechos humanos, a la dignidad, a la salud y, en particular, a las "
            "mujeres.</p>"
            "<p>Los documentos son nuestra herramienta de incidencia de cara a la Sesión "
            "Especial de la Asamblea General de la ONU sobre Drogas de 2016. Léelos, "
            "compártelos y suma tu nombre.</p>"
        ),
        "call_to_action": (
            "Suma tu nombre para pedir a los gobiernos que pongan fin a la guerra contra las "
            "personas que usan drogas."
        ),
        "thank_you_text": (
            "Cada nombre hace más fuerte el llamamiento. Comparte los documentos con quienes "
            "deciden la política de drogas donde vives."
        ),
        "acknowledgements": (
            "Este trabajo ha sido posible en parte gracias al Fondo Robert Carr para redes de "
            "la sociedad civil y a una subvención de Open Society Foundations."
        ),
        "foreword": (
            "Prólogo",
            "Por qué una red de personas que usan drogas habla de paz, y por qué ahora.",
            "A quienes viven las consecuencias de la política de drogas rara vez se les "
            "pregunta por ella. Este prólogo explica por qué la red escribió estos documentos "
            "por sí misma.",
        ),
    },
    "fr": {
        "slug": "initiative-pour-la-paix",
        "title": "Initiative pour la paix des personnes qui usent de drogues",
        "summary": (
            "Quatre documents liés, avec un avant-propos et une synthèse, sur ce que la guerre "
            "contre la drogue fait aux personnes qu’elle vise, et un appel à faire la paix."
        ),
        "body": (
            "<p>La guerre contre la drogue est menée contre des personnes. L’Initiative pour "
            "la paix des personnes qui usent de drogues expose, de notre point de vue, le mal "
            "qu’elle fait : aux droits humains, à la dignité, à la santé, et aux femmes en "
            "particulier.</p>"
            "<p>Ces documents sont notre outil de plaidoyer sur la route de la session "
            "extraordinaire de l’Assemblée générale des Nations unies sur les drogues de 2016. "
            "Lisez-les, partagez-les et ajoutez votre nom.</p>"
        ),
        "call_to_action": (
            "Ajoutez votre nom pour appeler les gouvernements à mettre fin à la guerre contre "
            "les personnes qui usent de drogues."
        ),
        "thank_you_text": (
            "Chaque nom rend l’appel plus fort. Partagez les documents avec celles et ceux qui "
            "font la politique des drogues là où vous vivez."
        ),
        "acknowledgements": (
            "Ce travail a été rendu possible en partie par le Fonds Robert Carr pour les "
            "réseaux de la société civile et par une subvention des Open Society Foundations."
        ),
        "foreword": (
            "Avant-propos",
            "Pourquoi un réseau de personnes qui usent de drogues parle de paix, et pourquoi "
            "maintenant.",
            "On demande rarement leur avis sur la politique des drogues aux personnes qui en "
            "vivent les conséquences. Cet avant-propos explique pourquoi le réseau a écrit ces "
            "documents lui-même.",
        ),
    },
}

# The "About us" page.
PAGES = {
    "ru": {
        "slug": "o-nas",
        "title": "О нас",
        "excerpt": "Глобальная сеть равных — людей, употребляющих наркотики.",
        "body": (
            "<p>Мы — люди, которые употребляют или употребляли наркотики, и мы объединены в "
            "сети в каждом регионе. Мы сами говорим о политике, которая определяет нашу "
            "жизнь: ничего о нас без нас.</p>"
        ),
    },
    "es": {
        "slug": "quienes-somos",
        "title": "Quiénes somos",
        "excerpt": "Una red mundial de pares: personas que usan drogas.",
        "body": (
            "<p>Somos personas que usan o han usado drogas, organizadas en redes en todas las "
            "regiones. Hablamos por nosotras y nosotros mismos sobre las políticas que marcan "
            "nuestras vidas: nada sobre nosotros sin nosotros.</p>"
        ),
    },
    "fr": {
        "slug": "qui-sommes-nous",
        "title": "Qui sommes-nous",
        "excerpt": "Un réseau mondial de pairs : des personnes qui usent de drogues.",
        "body": (
            "<p>Nous sommes des personnes qui usent ou ont usé de drogues, organisées en "
            "réseaux dans chaque région. Nous parlons en notre nom des politiques qui "
            "façonnent nos vies : rien sur nous sans nous.</p>"
        ),
    },
}

CATEGORY_NAMES = {
    "campaigns": {"ru": "Кампании", "es": "Campañas", "fr": "Campagnes"},
    "regional-information": {
        "ru": "Региональная информация",
        "es": "Información regional",
        "fr": "Informations régionales",
    },
    "europe": {"ru": "Европа", "es": "Europa", "fr": "Europe"},
    "women": {"ru": "Женщины", "es": "Mujeres", "fr": "Femmes"},
    "research": {"ru": "Исследования", "es": "Investigación", "fr": "Recherche"},
}


def _post(original, code, data):
    if Post.objects.filter(slug=data["slug"]).exists():
        return 0
    post = Post.objects.create(
        slug=data["slug"],
        title=data["title"],
        body=data["body"],
        language=code,
        translation_of=original,
        author=original.author,
        status=original.status,
        publish_at=original.publish_at,
        campaign=Campaign.objects.filter(translation_of=original.campaign_id, language=code).first()
        or original.campaign,
    )
    post.categories.set(original.categories.all())
    post.tags.set(list(original.tags.all()))
    return 1


def _campaign(original, code, data):
    if Campaign.objects.filter(slug=data["slug"]).exists():
        return 0
    fields = ("title", "summary", "body", "call_to_action", "thank_you_text", "acknowledgements")
    campaign = Campaign.objects.create(
        slug=data["slug"],
        language=code,
        translation_of=original,
        status=original.status,
        opens_at=original.opens_at,
        signup_goal=original.signup_goal,
        hero_image=original.hero_image.name,
        hero_image_alt=data["title"],
        hero_renditions=original.hero_renditions,
        **{field: data[field] for field in fields},
    )
    foreword = original.documents.get(kind=CampaignDocument.Kind.FOREWORD)
    title, summary, body = data["foreword"]
    document = CampaignDocument(
        campaign=campaign,
        slug=foreword.slug,
        kind=foreword.kind,
        order=foreword.order,
        title=title,
        summary=summary,
        body=f"<p>{body}</p>",
        language=code,
        translation_of=foreword,
        published_on=date(2015, 1, 17),
    )
    pdf = minimal_pdf(f"{data['title']}: {title}", [summary, body])
    document.file.save(f"{foreword.slug}-{code}.pdf", ContentFile(pdf), save=False)
    document.save()
    return 1


def _page(original, code, data):
    if Page.objects.filter(translation_of=original, language=code).exists():
        return 0
    Page.objects.create(
        language=code,
        translation_of=original,
        status=original.status,
        publish_at=original.publish_at,
        order=original.order,
        **data,
    )
    return 1


# Menu labels of the demo pages that have no translation yet (the item still opens the English
# page, but a reader sees the menu in their language).
PAGE_LABELS = {
    "key-publications": {"ru": "Ключевые публикации", "es": "Publicaciones clave",
                         "fr": "Publications clés"},
    "join-us": {"ru": "Присоединяйтесь", "es": "Únete", "fr": "Nous rejoindre"},
    "contact": {"ru": "Контакты", "es": "Contacto", "fr": "Contact"},
    "privacy-policy": {"ru": "Конфиденциальность", "es": "Privacidad",
                       "fr": "Confidentialité"},
}  # fmt: skip


def _menu_labels():
    """The demo menus' own labels ("News", "Campaigns", "RSS feed") in each language, from
    the catalogues that translate the same words in the default menus."""
    for item in MenuItem.objects.exclude(label="").filter(translations={}):
        labels = {}
        for code in CATEGORY_NAMES["campaigns"]:
            with translation.override(code):
                labels[code] = {"label": translation.gettext(item.label)}
        if any(value["label"] != item.label for value in labels.values()):
            item.translations = labels
            item.save(update_fields=["translations"])
    for item in MenuItem.objects.filter(label="", translations={}, page__path__in=PAGE_LABELS):
        names = PAGE_LABELS[item.page.path]
        item.translations = {code: {"label": name} for code, name in names.items()}
        item.save(update_fields=["translations"])


def load(stdout):
    for slug, names in CATEGORY_NAMES.items():
        Category.objects.filter(slug=slug, translations={}).update(
            translations={code: {"name": name} for code, name in names.items()}
        )
    post = Post.objects.get(slug=LAUNCH_POST)
    campaign = Campaign.objects.get(slug=CAMPAIGN)
    # The campaign first: the translated posts link to the campaign the original links to.
    made = sum(_campaign(campaign, code, data) for code, data in CAMPAIGNS.items())
    made += sum(_post(post, code, data) for code, data in POSTS.items())
    _menu_labels()
    about = Page.objects.filter(path="about-us").first()
    if about is not None:
        made += sum(_page(about, code, data) for code, data in PAGES.items())
    stdout.write(f"translations: {made} demo translations created")

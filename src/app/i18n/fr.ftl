# L'interface en français canadien. Chaque message a son pendant dans
# en.ftl, avec le même identifiant et les mêmes variables
# (tests/interface_language.rs le vérifie).

## Commun

app-name = Outil de rédaction de politique sur les médias sociaux
skip-to-main = Passer au contenu principal
cancel = Annuler
download-answer-file = Télécharger le fichier de réponses
language-label = Langue de l'interface
language-unavailable = L'interface en français n'a pas pu être chargée, donc la page reste en anglais. Vérifiez la connexion, puis choisissez de nouveau Français.
language-unavailable-in-french = L'interface en français n'a pas pu être chargée, donc la page reste en anglais. Vérifiez la connexion, puis choisissez de nouveau Français.
nav-trainer = Mode formation

## La page des brouillons

drafts-heading = Vos brouillons
drafts-lede = Répondez à des questions sur votre organisation de santé et obtenez une politique sur les médias sociaux pour son personnel, prête à être révisée et exportée en PDF. Les brouillons restent dans ce navigateur. Rien de ce que vous tapez n'est envoyé ailleurs. Téléchargez un fichier de réponses pour en garder une copie ou l'envoyer à une personne réviseure.
drafts-saved-heading = Enregistrés dans ce navigateur
drafts-none-yet = Vous n'avez encore aucun brouillon.
drafts-count = { $count ->
    [one] { $count } brouillon
   *[other] { $count } brouillons
}
drafts-no-storage = Ce navigateur ne permet pas à la page d'enregistrer : les brouillons ne peuvent pas être gardés ici. Vous pouvez tout de même commencer un brouillon ; téléchargez-le comme fichier de réponses avant de fermer la page.
drafts-undo = Annuler la suppression
drafts-stored-for-review-failed = Le fichier a été lu, mais n'a pas pu être enregistré pour la révision : { $error }.
drafts-store-failed = Le fichier a été lu, mais n'a pas pu être enregistré : { $error }.
drafts-imported = « { $name } » importé.
drafts-replaced = Remplacé par le fichier : « { $name } ».
drafts-review-added = La révision a été ajoutée à « { $name } ».
drafts-imported-copy = Copie importée : « { $name } ».
drafts-imported-name = { $name } (importé)
drafts-reading-file = Lecture du fichier…
drafts-open-for-review-failed = « { $file } » n'a pas pu être ouvert pour la révision : { $error }.
drafts-read-failed = « { $file } » n'a pas pu être lu : { $error }.
drafts-a-damaged-draft = un brouillon endommagé
drafts-review-not-added = Le brouillon qui se trouve ici est illisible : la révision n'a pas pu y être ajoutée.
drafts-nothing-imported = Rien n'a été importé.
drafts-deleted = « { $name } » supprimé.
drafts-delete-failed = « { $name } » n'a pas pu être supprimé : { $error }.
drafts-restored = « { $name } » rétabli.
drafts-restore-failed = « { $name } » n'a pas pu être rétabli : { $error }.
drafts-review-problems-title = Le fichier de brouillon n'a pas pu être ouvert pour la révision
drafts-import-problems-title = Le fichier de réponses n'a pas pu être importé
drafts-changed-elsewhere = il a été modifié dans un autre onglet et ne peut plus être lu ; rechargez la page
drafts-rename-failed = « { $name } » n'a pas pu être renommé : { $error }.
drafts-renamed = « { $name } » renommé « { $new_name } ».
drafts-copy-failed = « { $name } » n'a pas pu être copié : { $error }.
drafts-copy-name = Copie de { $name }
drafts-copied = « { $name } » créé.
drafts-download-failed = « { $name } » n'a pas pu être téléchargé : { $error }.
drafts-new-name-for = Nouveau nom pour « { $name } »
drafts-last-changed = Dernière modification : { $time }
drafts-last-changed-id = Dernière modification : { $time } (brouillon { $id })
drafts-save-name = Enregistrer le nom
drafts-rename = Renommer
drafts-duplicate = Dupliquer
drafts-download-of = { " " }de « { $name } »
drafts-delete = Supprimer
drafts-entry-download-failed = L'entrée n'a pas pu être téléchargée : { $error }.
drafts-damaged-label = brouillon endommagé
drafts-damaged-heading = Un brouillon enregistré qui ne peut pas être ouvert
drafts-damaged-text = { $error }. Il est gardé tel quel jusqu'à ce que vous le supprimiez.
drafts-damaged-download = Le télécharger comme fichier
drafts-damaged-delete = Le supprimer

clash-heading = Vous avez déjà ce brouillon
clash-text = Le fichier est une version de « { $name } »{ $saved ->
    [none] {""}
   *[other] , modifié ici pour la dernière fois le { $saved }
}. { $review ->
    [yes] Voulez-vous ajouter la révision du fichier au brouillon qui se trouve ici, remplacer ce brouillon par le fichier, ou garder les deux ?
   *[no] Le fichier ne contient aucune révision. Voulez-vous remplacer le brouillon qui se trouve ici par le fichier, ou garder les deux ?
}
clash-add-review = Ajouter la révision au brouillon qui se trouve ici
clash-replace = Remplacer le brouillon qui se trouve ici
clash-keep-both = Garder les deux

start-heading = Commencer un brouillon
start-new = Commencer un nouveau brouillon
start-from-sample = Partir d'un exemple d'organisation
start-import = Importer un fichier de réponses
start-import-hint = Un fichier .yaml téléchargé depuis cette application.
start-review = Réviser un fichier de brouillon
start-review-hint = Ouvrez un brouillon qu'on vous a envoyé pour le commenter et l'approuver. Cela fonctionne sans réseau.

## Le cadre de l'application

broken-heading = Les modèles de politique n'ont pas pu être chargés
broken-text = Rien n'a été modifié. Ces problèmes doivent être corrigés dans les modèles :
content-loading = Chargement du texte de la politique…
content-offline = Le texte de la politique n'a pas pu être récupéré : le réseau est coupé et cette langue n'a pas encore été gardée pour une utilisation hors ligne. Connectez-vous au réseau une fois ; elle sera ensuite disponible hors ligne.
content-fetch-failed = Le texte de la politique n'a pas pu être récupéré ({ $error }).
content-damaged = Le texte de la politique récupéré par cette version est inutilisable ({ $error }). Rechargez la page ; si le problème persiste, les fichiers de l'application sur ce serveur sont incomplets.
content-retry = Réessayer
sample-missing = Cet exemple ne fait pas partie de cette version de l'application.
policy-language-label = Langue de la politique
policy-language-hint = Les questions restent dans la langue de l'application ; l'aperçu et chaque exportation sont rédigés dans cette langue. Les réponses sont communes aux deux langues.
policy-language-en = Anglais
policy-language-fr = Français
policy-language-fr-en = Français et anglais (le français d'abord)
policy-language-en-fr = Anglais et français (l'anglais d'abord)
export-languages = Langues des exportations
export-in-both = Les deux, dans un seul fichier
export-in-only = { $language } seulement
export-in-hint = Si les deux sont choisies, chaque fichier contient les deux versions, la première langue d'abord. Dans le fichier Word, les commentaires de révision et les modifications suivies portent sur la première version.
export-language-not-ready = Le texte de l'autre langue est encore en chargement, ou ce brouillon utilise une bibliothèque de clauses importée, qui n'existe qu'en une langue. Réessayez dans un instant ou exportez une seule langue.
language-english = Anglais
language-french = Français
export-placeholders = { $what ->
        [quick] Cet aide-mémoire
        [notes] Cette note aux personnes qui approuvent
       *[policy] Cette politique
    } contient encore { $sections ->
        [0] sur la page couverture
        [one] dans { $sections } section{ $cover ->
            [yes] {" "}et sur la page couverture
           *[no] {""}
        }
       *[other] dans { $sections } sections{ $cover ->
            [yes] {" "}et sur la page couverture
           *[no] {""}
        }
    } { $questions ->
        [one] { $questions } question sans réponse, affichée
       *[other] { $questions } questions sans réponse, affichées
    } comme espaces réservés ({ $count ->
        [one] { $count } espace réservé
       *[other] { $count } espaces réservés
    }). L'exporter quand même ?
draft-unreadable = Ce brouillon ne peut pas être ouvert : { $error }. Retournez à vos brouillons pour le télécharger comme fichier.
draft-not-here = Il n'y a pas de brouillon à cette adresse. Il a peut-être été supprimé, ou enregistré dans un autre navigateur.
draft-not-found = Brouillon introuvable
go-to-drafts = Aller à vos brouillons
part-failed-title = Cette page n'a pas pu être chargée
part-failed = Cette partie de l'application n'a pas encore été récupérée, et le réseau est inaccessible. Vos brouillons sont en sécurité dans ce navigateur. Connectez-vous au réseau une fois, puis réessayez : ensuite, elle fonctionnera hors ligne.
part-retry = Réessayer
preview-hide = Masquer l'aperçu de la politique
preview-show = Afficher l'aperçu de la politique

update-waiting = Une nouvelle version de l'application est prête. Elle sera utilisée lorsque tous les onglets de l'application seront fermés.
update-use-now = L'utiliser maintenant
update-taken-over = Une nouvelle version de l'application est installée ; cette page exécute encore l'ancienne.
update-reload-now = Recharger maintenant
update-reload-note = (la page sera rechargée : vérifiez d'abord que votre brouillon est indiqué comme enregistré).

notice-download-failed = Vos réponses n'ont pas pu être téléchargées : { $error }.
notice-not-saved = Vos réponses ne sont pas enregistrées
notice-not-saved-text = { $error }. { $advice }
notice-download-answers = Télécharger vos réponses
notice-changed-elsewhere = Ce brouillon a été modifié dans un autre onglet ou une autre fenêtre
notice-changed-elsewhere-text = L'enregistrement est interrompu pour qu'aucune des deux versions ne soit perdue. Choisissez la version à garder ; vous pouvez d'abord télécharger celle-ci.
notice-download-this = Télécharger cette version
notice-other-unreadable = L'autre version ne peut pas être lue par cette version de l'application. Téléchargez cette version, puis ouvrez vos brouillons : l'autre y figure avec un lien de téléchargement.
notice-use-other = Utiliser l'autre version
notice-keep-this = Garder cette version

## La barre du brouillon

bar-saved = Enregistré dans ce navigateur le { $time }
bar-not-saved = Non enregistré
bar-changed-elsewhere = Non enregistré : modifié dans un autre onglet
bar-downloaded = Fichier de réponses téléchargé.
bar-download-failed = Le fichier de réponses n'a pas pu être téléchargé : { $error }.
bar-nav = Brouillon
nav-all-drafts = Tous les brouillons
nav-questions = Questions
nav-check = Vérifier les réponses
nav-review = Révision

## Les exportations

making = { $what ->
    [pdf] Création du PDF…
    [word] Création du fichier Word…
    [quick] Création de l'aide-mémoire…
    [notes] Création de la note de présentation…
    [signoff] Création de la feuille d'attestation…
    [reminder] Création du rappel de révision…
   *[handout] Création du document à remettre…
}
made-failed = { $what ->
    [pdf] Le PDF n'a pas pu être créé
    [word] Le fichier Word n'a pas pu être créé
    [quick] L'aide-mémoire n'a pas pu être créé
    [notes] La note de présentation n'a pas pu être créée
    [signoff] La feuille d'attestation n'a pas pu être créée
    [reminder] Le rappel de révision n'a pas pu être créé
   *[handout] Le document à remettre n'a pas pu être créé
} : { $error }.
made-not-downloaded = { $what ->
    [pdf] Le PDF a été créé, mais n'a pas pu être téléchargé
    [word] Le fichier Word a été créé, mais n'a pas pu être téléchargé
    [quick] L'aide-mémoire a été créé, mais n'a pas pu être téléchargé
    [notes] La note de présentation a été créée, mais n'a pas pu être téléchargée
    [signoff] La feuille d'attestation a été créée, mais n'a pas pu être téléchargée
    [reminder] Le rappel de révision a été créé, mais n'a pas pu être téléchargé
   *[handout] Le document à remettre a été créé, mais n'a pas pu être téléchargé
} : { $error }.
made-downloaded = { $what ->
    [pdf] PDF téléchargé.
    [word] Fichier Word téléchargé.
    [quick] Aide-mémoire téléchargé.
    [notes] Note de présentation téléchargée.
    [signoff] Feuille d'attestation téléchargée.
    [reminder] Rappel de révision téléchargé.
   *[handout] Document à remettre téléchargé.
}
made-downloaded-pages = { $what ->
    [pdf] PDF téléchargé
    [word] Fichier Word téléchargé
    [quick] Aide-mémoire téléchargé
    [notes] Note de présentation téléchargée
    [signoff] Feuille d'attestation téléchargée
    [reminder] Rappel de révision téléchargé
   *[handout] Document à remettre téléchargé
} ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}).
made-missing-glyphs = { $done } La police du PDF n'a pas de glyphe pour ces caractères, remplacés par « ? » à l'impression :{ $chars }.
export-web-downloaded = Page Web téléchargée.
export-web-failed = La page Web n'a pas pu être téléchargée : { $error }.
export-placeholder-help = Un espace réservé imprime entre crochets le sujet de la question, là où sa réponse ira. La page Vérifier les réponses énumère toutes les questions encore sans réponse.
export-anyway = Exporter quand même
export-include-approval = Inclure le registre des approbations
export-pdf = Exporter en PDF
export-web = Télécharger sous forme de page Web
export-word = Exporter en Word (DOCX)
export-quick = Aide-mémoire du personnel (PDF)
export-notes = Note de présentation pour l'approbation (PDF)
export-signoff-pdf = Feuille d'attestation du personnel (PDF)
export-signoff-word = Feuille d'attestation du personnel (Word)
export-reminder = Rappel de révision (.ics)
problems-intro = Rien n'a été modifié. Corrigez ces problèmes dans le fichier et réessayez :

## La page Vérifier les réponses

check-changed-heading = Sections dont le texte a changé
check-changed-text = Ce brouillon a été créé à partir d'une version antérieure du contenu juridique. Le texte de ces sections de sa politique a changé depuis. Le journal des modifications de la bibliothèque de clauses explique ce qui a changé et pourquoi.
check-changed-read = J'ai lu ces modifications
check-unused-heading = Réponses enregistrées que cette version n'utilise pas
check-unused-text = Elles sont gardées avec le brouillon et dans son fichier de réponses, mais ne changent pas la politique.
check-section-gone = Une section que la politique n'a plus
check-mark-resolved = Marquer comme réglé
check-mark-resolved-of = Marquer comme réglé : { $text }
check-comments-heading = Commentaires de révision non réglés
check-comments-text = Réglez-les ici ou à côté de leurs sections dans l'aperçu de la politique, ou lisez-les avec leurs réponses sur la page de révision :
check-comments-link = révision
check-outdated-heading = Approbations périmées
check-outdated-text = Ces sections ont été approuvées, mais leur texte a changé depuis. Leur approbation ne compte plus : soumettez de nouveau le brouillon à la révision.
check-outdated-link = Révision
check-notes-heading = Notes pour l'approbation
check-notes-text = Ces notes ne font pas partie de la politique que lit le personnel. Remettez-les aux personnes qui l'approuvent sous forme de note de présentation : « Note de présentation pour l'approbation (PDF) », plus bas.
check-heading = Vérifiez vos réponses
check-missing = { $count ->
    [0] Toutes les questions obligatoires ont une réponse.
    [one] { $count } question obligatoire n'a pas encore de réponse.
   *[other] { $count } questions obligatoires n'ont pas encore de réponse.
}
check-back = Retour aux questions
check-export-heading = Exporter la politique
check-not-answered-required = Sans réponse (obligatoire)
check-not-answered = Sans réponse
check-answer = Répondre
check-change = Modifier
yes = Oui
no = Non

## Les questions

questions-missing-heading = Des questions obligatoires n'ont pas de réponse
questions-missing-text = Vous pouvez les laisser vides pour l'instant : la politique affiche un espace réservé jusqu'à ce qu'elles aient une réponse. Répondez-y maintenant, ou appuyez de nouveau sur Suivant pour continuer.
questions-sections = Sections
questions-back = Précédent
questions-next = Suivant
questions-return-to-check = Revenir à la vérification des réponses
field-check = À vérifier :
field-bidi = Cette réponse contient une commande de direction invisible, qui peut afficher le texte dans un autre ordre que celui de la saisie. L'aperçu et le PDF signalent chacune par une marque telle que [RLO U+202E] ; supprimez-la, sauf si vous l'avez voulue.
field-error = Erreur :
field-unanswered = Répondez à cette question, ou revenez-y plus tard.
checks-heading = Vérifications
checks-revisit = À revoir : { $label }
checks-missing-summary = Questions obligatoires encore sans réponse
checks-none = Aucun problème trouvé. Toutes les questions obligatoires ont une réponse.
checks-summary = { $warnings ->
    [one] { $warnings } avertissement de cohérence
   *[other] { $warnings } avertissements de cohérence
} et { $missing ->
    [one] { $missing } question obligatoire
   *[other] { $missing } questions obligatoires
} sans réponse.
preview-heading = Aperçu de la politique
preview-unfilled-heading = Certaines clauses n'ont pas pu être remplies
preview-unfilled-text = Elles sont omises de la politique. Vérifiez la bibliothèque de clauses :
preview-placeholder-title = Pas encore de réponse
notes-review = Révision : { $verdict }
notes-replies = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
notes-changed = Texte modifié depuis la révision
notes-label = Notes de révision

## L'écran d'erreur (le crochet de panique)

panic-heading = Un problème est survenu
panic-text = L'application s'est arrêtée à cause d'une erreur. Votre brouillon, tel qu'il a été enregistré la dernière fois, est gardé dans ce navigateur et n'a pas été modifié.
panic-unreadable = Ce navigateur ne permet pas à la page de lire le brouillon enregistré : il ne peut donc pas être offert comme fichier.
panic-none-saved = Aucun brouillon enregistré n'a été trouvé dans ce navigateur.
panic-download-copy = Télécharger la copie enregistrée
panic-download-draft = Télécharger le brouillon enregistré
panic-download-first = Téléchargez d'abord une copie, puis rechargez la page pour continuer.
panic-reload = Recharger l'application
panic-details = Détails pour le soutien technique
panic-title = Erreur : Outil de rédaction de politique sur les médias sociaux

## La page de révision

review-missing-name = Entrez votre nom
review-missing-role = Entrez votre fonction
review-missing-date = Entrez la date de votre décision
review-missing-decision = Choisissez d'approuver ou de demander des modifications
review-not-reviewed = Non révisée
review-verdict-comments = { $verdict }, { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
review-marked = Section marquée « { $verdict } ».
review-name-first = Entrez d'abord votre nom, pour que les autres sachent qui a commenté.
review-comment-first = Écrivez d'abord un commentaire.
review-comment-added = Commentaire ajouté.
review-verdict-legend = Votre avis sur cette section
review-approved = Approuvée
review-changes-requested = Modifications demandées
review-approved-before-change = Approuvée, mais modifiée depuis : à réviser de nouveau
next-review = Prochaine révision : { $date }
next-review-passed = La révision était prévue le { $date }
review-comments = Commentaires
review-add-comment-label = Ajouter un commentaire sur cette section
review-add-comment = Ajouter le commentaire
review-already-recorded = Cette décision est déjà enregistrée : { $decision }.
review-recorded = Décision enregistrée : { $decision }.{ $unsigned } Téléchargez le fichier révisé pour le renvoyer.
review-changed = Décision remplacée par : { $decision }.{ $unsigned } Téléchargez le fichier révisé pour le renvoyer.
review-not-signed = Elle n'est pas signée : { $error }.
review-decision-errors = Votre décision ne peut pas encore être enregistrée
review-changed-after-signing = Vous avez modifié la révision après votre dernière décision signée. Enregistrez de nouveau votre décision, pour que votre signature couvre chaque commentaire et chaque avis, puis téléchargez le fichier.
review-downloaded = « { $name } » téléchargé. Renvoyez-le aux personnes qui rédigent la politique.
review-download-failed = Le fichier révisé n'a pas pu être téléchargé : { $error }.
review-heading = Réviser ce brouillon
review-lede = Lisez chaque section, commentez-la et indiquez si elle est approuvée ou si des modifications sont demandées. Enregistrez ensuite votre décision et téléchargez le fichier révisé pour le renvoyer. Tout reste dans ce navigateur jusqu'à ce que vous envoyiez le fichier.
review-your-name = Votre nom
review-sections = Sections à réviser
review-previous = Section précédente
review-next = Section suivante
review-decision-heading = Votre décision
review-fingerprint = Vos décisions sont signées avec la clé de ce navigateur. Son empreinte, que les personnes qui rédigent la politique peuvent vérifier avec vous par téléphone ou en personne :
review-your-role = Votre fonction
review-date = Date
review-decision-legend = Décision sur l'ensemble de la politique
review-approve = Approuver la politique
review-request-changes = Demander des modifications
review-record = Enregistrer la décision
review-download = Télécharger le fichier révisé
review-reply-first = Entrez d'abord votre nom et une réponse.
review-reply-added = Réponse ajoutée.
review-reply-to = Répondre à { $author }
review-reply = Répondre

## Le mode formation

deck-empty = Ce paquet ne contient aucune mise en situation.
deck-score-not-saved = Le pointage n'a pas pu être enregistré dans ce navigateur : { $error }.
deck-quiz-not-saved = Le mode jeu-questionnaire n'a pas pu être mémorisé dans ce navigateur : { $error }.
deck-score-reset = Pointage remis à zéro.
deck-count = Mise en situation { $number } sur { $total }
deck-all = Tous les paquets
deck-quiz-mode = Mode jeu-questionnaire
deck-controls = Commandes des mises en situation
deck-previous = Précédente
deck-next = Suivante
deck-hide-verdict = Masquer le verdict
deck-reveal-verdict = Révéler le verdict
deck-keys = Touches : → ou N suivante, ← ou P précédente, Espace ou R révéler.
deck-keys-quiz = Touches : → ou N suivante, ← ou P précédente, Espace ou R révéler, 1 2 3 voter.
deck-tools = Document à remettre et lien de démonstration
decks-missing = Il n'y a pas de paquet nommé « { $id } ». Choisissez-en un parmi ceux-ci.
decks-lede = Présentez au personnel des situations réelles, une à la fois, et révélez ce que cette politique prévoit pour chacune. Les verdicts suivent les réponses de ce brouillon et citent les numéros de section de la politique.
decks-choose = Choisir un paquet
decks-presenting = Présentation
decks-presenting-text = Chaque carte occupe toute la fenêtre. Chaque commande est aussi un bouton ; ces touches fonctionnent également :
decks-key-next = Flèche droite, Page suivante ou N
decks-key-next-does = Mise en situation suivante
decks-key-previous = Flèche gauche, Page précédente ou P
decks-key-previous-does = Mise en situation précédente
decks-key-reveal = Espace, Entrée ou R
decks-key-reveal-does = Révéler le verdict
decks-key-vote = 1, 2 ou 3
decks-key-vote-does = En mode jeu-questionnaire, le vote du groupe : acceptable, acceptable sous conditions, pas acceptable
decks-quiz-note = En mode jeu-questionnaire, le groupe vote avant chaque révélation. Le pointage est gardé dans ce navigateur seulement.
decks-tally = { $count ->
    [one] { $count } mise en situation
   *[other] { $count } mises en situation
}. Pour cette politique : { $fine } { $fine ->
    [one] acceptable
   *[other] acceptables
}, { $conditions } { $conditions ->
    [one] acceptable
   *[other] acceptables
} sous conditions, { $notfine } { $notfine ->
    [one] pas acceptable
   *[other] pas acceptables
}.
demo-opening = Ouverture de la démonstration…
demo-broken = Ce lien de démonstration ne fonctionne pas
demo-no-sample = Il n'y a pas d'exemple d'organisation nommé « { $stem } ». Les exemples sont : { $samples }.
demo-name = Démonstration : { $name }
fullscreen-leave = Quitter le plein écran
fullscreen-enter = Plein écran
handout-at-back = Imprimer les verdicts à la fin, pour utiliser le document comme jeu-questionnaire
handout-download = Télécharger le document à remettre (PDF)
handout-hint = Toutes les mises en situation de ce paquet avec leur verdict et les clauses de la politique, à imprimer.
handout-languages = Langues du document à remettre
handout-problems = Certaines mises en situation n'ont pas pu être remplies : { $problems }.
trainer-own-library = Ce brouillon utilise sa propre bibliothèque de clauses (« { $file } »), et les mises en situation citent des clauses qu'elle n'a pas : le mode formation ne peut donc pas établir de verdicts pour ce brouillon. Pour utiliser le mode formation, dupliquez le brouillon sur la page des brouillons, puis choisissez « Utiliser les clauses standard » sur la page Vérifier les réponses de la copie.
trainer-no-scenarios = Les mises en situation fournies avec l'application n'ont pas pu être lues : le mode formation ne peut pas être utilisé.
trainer-misfit = Les mises en situation ne conviennent pas à ce brouillon
trainer-misfit-details = Ce qui ne convient pas
score-label = Pointage :
score-reset = Remettre le pointage à zéro
score-none = Aucun vote pour l'instant
score-right = { $right } { $right ->
    [one] bonne réponse
   *[other] bonnes réponses
} sur { $total }
share-copied = Lien de démonstration copié.
share-not-copied = Le lien n'a pas pu être copié ici. Copiez-le depuis la zone ci-dessous.
share-sample = Exemple d'organisation pour un lien de démonstration
share-hint = Un lien de démonstration ouvre ce paquet pour un exemple d'organisation. Il ne contient rien de ce brouillon.
share-copy = Copier le lien de démonstration
share-link = Lien de démonstration
verdict-no-vote = Le groupe n'a pas voté : cette mise en situation n'est pas comptée.
verdict-right = Le groupe a répondu « { $said } » : c'est juste.
verdict-wrong = Le groupe a répondu « { $said } » : pas cette fois.
verdict-clauses = Clauses de la politique : { $numbers }
verdict-missing-clauses = Clauses citées qui ne figurent pas dans cette politique : { $ids }.
verdict-label = Verdict : { $verdict }
verdict-fine = Acceptable
verdict-fine-with-conditions = Acceptable sous conditions
verdict-not-fine = Pas acceptable
vote-heading = Le vote du groupe

## Les fichiers, la bibliothèque de clauses et le modèle Word

file-read-failed = « { $name } » n'a pas pu être lu : { $error }.
files-writing = Écriture du fichier de réponses…
library-reading = Lecture des clauses…
library-now-uses = Le brouillon utilise maintenant les clauses de « { $name } ».
library-now-standard = Le brouillon utilise maintenant les clauses standard.
library-standard = Le brouillon utilise les clauses standard fournies avec l'application.
library-pending = Lecture des clauses importées de « { $file } »… D'ici là, les clauses standard sont utilisées.
library-failed = Les clauses importées de « { $file } » n'ont pas pu être lues pour l'instant ({ $reason }) : les clauses standard sont utilisées. Le fichier est gardé avec le brouillon ; rechargez la page pour réessayer.
library-loaded = Le brouillon utilise les clauses importées de « { $file } ».
library-refused = Les clauses importées de « { $file } » ne se chargent plus avec cette version de l'application : les clauses standard sont utilisées. Le fichier est gardé avec le brouillon.
library-stored-problems = Problèmes dans les clauses importées
library-heading = Bibliothèque de clauses
library-problems = La bibliothèque de clauses n'a pas pu être utilisée
library-import = Importer une bibliothèque de clauses
library-hint = Un fichier .yaml au format des fichiers policy-templates/clauses de l'application, avec un titre, un auteur et des sections. Il remplace les clauses standard pour ce brouillon seulement.
library-use-standard = Utiliser les clauses standard
word-not-kept = Le modèle Word n'a pas pu être gardé : { $error }. { $advice }
word-now-uses = Les exportations Word utilisent maintenant { $template }.
word-removed = Le modèle Word est retiré ; les exportations Word utilisent les styles de l'application.
word-remove-failed = Le modèle Word n'a pas pu être retiré : { $error }.
word-legend = Utiliser notre modèle Word
word-uses = Les exportations Word utilisent les styles, le thème et les polices de { $template }.
word-own-styles = Les exportations Word utilisent les styles de l'application. Choisissez le fichier .docx ou .dotx de votre organisation (jusqu'à { $kb } Ko) pour utiliser ses styles, son thème et ses polices.
word-label = Modèle Word (.docx ou .dotx)
word-remove = Retirer le modèle Word
features-heading = Certaines fonctions ne sont pas offertes dans ce navigateur
features-no-workers = Ce navigateur ne peut pas exécuter l'assistant de fichiers et de PDF de l'application (il n'a pas de Web Workers) : les PDF ne peuvent pas être exportés, et les fichiers de réponses ne peuvent être ni lus ni écrits. Vos réponses sont tout de même enregistrées dans ce navigateur. Pour les exporter, ouvrez l'application dans une version à jour de Firefox, Chrome, Edge ou Safari.
features-no-downloads = Ce navigateur ne peut pas enregistrer les fichiers créés par la page : les PDF et les fichiers de réponses ne peuvent pas être téléchargés. Vos réponses sont tout de même enregistrées dans ce navigateur. Pour les télécharger, ouvrez l'application dans une version à jour de Firefox, Chrome, Edge ou Safari.
features-no-offline = Ce navigateur ne permet pas à l'application de fonctionner hors ligne (c'est souvent le cas des fenêtres privées) : elle ne s'ouvre donc que si ce site est joignable. Tout le reste fonctionne. Pour l'utiliser hors ligne, ouvrez-la une fois dans une fenêtre normale d'un navigateur à jour.
storage-advice-unavailable = Téléchargez vos réponses avant de fermer la page.
storage-advice-refused = L'espace de stockage est peut-être plein : supprimez les brouillons dont vous n'avez plus besoin, ou téléchargez celui-ci.
storage-advice-mismatch = Téléchargez vos réponses pour en garder une copie sûre.

## Les signatures d'une révision importée

sig-who = { $verdict } par { $reviewer } ({ $role }), { $date }
sig-trusted = Vous faites confiance à cette clé.
sig-check-and-trust = Vérifier la clé de { $reviewer } et lui faire confiance
sig-other-key = Autre clé : { $reviewer } a déjà signé avec { $known }. Demandez à cette personne, par téléphone ou en personne, si cette clé est la sienne avant de vous fier à cette révision.
sig-signed-with = { $who } : signée avec la clé
sig-verified = ; la signature a été vérifiée.
sig-edited = Décision modifiée après la révision :
sig-edited-text = { $who }. Le fichier a été modifié après la signature de la personne réviseure (clé { $fingerprint }) : cette décision ne compte ni sur la page couverture ni dans le registre des approbations.
sig-unsigned = { $who } : non signée.
sig-now-trusted = Vous faites maintenant confiance à la clé { $fingerprint } de { $reviewer }.
sig-trust-failed = La clé n'a pas pu être gardée comme fiable : { $error }.
sig-later = La clé n'est pas encore jugée fiable ; vous pourrez la vérifier plus tard depuis cette liste.
sig-heading = Signatures de la révision
sig-trust-heading = Faire confiance à la clé de { $reviewer } ?
sig-trust-text = C'est la première révision signée avec cette clé. Avant de lui faire confiance, demandez à { $reviewer }, par téléphone ou en personne, de vous lire l'empreinte affichée sur sa page de révision, et vérifiez qu'il s'agit bien de :
sig-confirm = Les empreintes correspondent : faire confiance à cette clé
sig-not-now = Pas maintenant

## Garder les brouillons en sécurité (la page des brouillons)

safe-persistent = Ce navigateur a accepté de garder vos brouillons jusqu'à ce que vous les supprimiez (stockage persistant).
safe-not-persistent = Ce navigateur n'a pas accepté de garder vos brouillons : il peut les effacer de lui-même, par exemple quand le disque est presque plein ou, dans Safari, après sept jours sans visite. Sauvegardez-les dans un fichier pour plus de sûreté.
safe-unknown = Ce navigateur n'indique pas s'il gardera vos brouillons. Sauvegardez-les dans un fichier pour plus de sûreté.
safe-all-kept-since = Chaque brouillon figure dans votre dernière sauvegarde ({ $time }) ou dans un téléchargement fait depuis.
safe-all-downloaded = Chaque brouillon figure dans un fichier de réponses que vous avez téléchargé.
safe-changed-since = { $count ->
    [one] { $count } brouillon a été modifié depuis votre dernière sauvegarde ({ $time }) et depuis son dernier téléchargement.
   *[other] { $count } brouillons ont été modifiés depuis votre dernière sauvegarde ({ $time }) et depuis leur dernier téléchargement.
}
safe-never-backed-up = { $count ->
    [one] { $count } brouillon ne figure encore dans aucune sauvegarde ni aucun téléchargement : vous n'avez pas sauvegardé vos brouillons.
   *[other] { $count } brouillons ne figurent encore dans aucune sauvegarde ni aucun téléchargement : vous n'avez pas sauvegardé vos brouillons.
}
safe-full-heading = L'espace de stockage est presque plein
safe-full-entries = Ce que ce site garde dans le navigateur occupe { $used } des { $limit } qu'un navigateur accorde à un site : un enregistrement pourrait bientôt échouer.
safe-full-quota = Ce site a utilisé presque tout l'espace que le navigateur lui accorde : un enregistrement pourrait bientôt échouer.
safe-full-advice = Sauvegardez vos brouillons, puis supprimez ceux dont vous n'avez plus besoin.
safe-backup-read-failed = Les brouillons n'ont pas pu être lus pour une sauvegarde : { $error }.
safe-backed-up = { $count ->
    [one] { $count } brouillon sauvegardé
   *[other] { $count } brouillons sauvegardés
} dans « { $file } ».
safe-backup-download-failed = La sauvegarde n'a pas pu être téléchargée : { $error }.
safe-restored = { $count ->
    [one] { $count } brouillon rétabli
   *[other] { $count } brouillons rétablis
} à partir de la sauvegarde.
safe-restored-some = { $count ->
    [one] { $count } brouillon rétabli
   *[other] { $count } brouillons rétablis
} à partir de la sauvegarde ; { $skipped ->
    [one] { $skipped } brouillon laissé de côté
   *[other] { $skipped } brouillons laissés de côté
}.
safe-restore-failed = « { $name } » n'a pas pu être rétabli : { $error }. Rien n'a été modifié.
safe-checking-signatures = Vérification des signatures de révision de la sauvegarde…
safe-restore-unchecked = « { $name } » n'a pas pu être rétabli : ses signatures de révision n'ont pas pu être vérifiées ({ $error }). Rien n'a été modifié.
safe-restore-other-answer = l'assistant de fichiers de l'application a répondu pour un autre fichier
safe-here = « { $name } », modifié ici pour la dernière fois le { $time }
safe-here-unreadable = un brouillon qui ne peut pas être ouvert
safe-incoming = « { $name } », modifié pour la dernière fois le { $time }
safe-incoming-unreadable = { $name }, que cette version ne peut pas ouvrir
safe-clash-heading = Ce brouillon est déjà ici
safe-clash-text = La sauvegarde contient { $incoming } ; ce navigateur contient { $here }. Voulez-vous remplacer le brouillon qui se trouve ici par celui de la sauvegarde, garder les deux, ou laisser de côté celui de la sauvegarde ?
safe-leave-out = Le laisser de côté
safe-heading = Gardez vos brouillons en sécurité
safe-back-up = Sauvegarder tous les brouillons
safe-restore = Rétablir des brouillons à partir d'une sauvegarde
safe-restore-hint = Un fichier de sauvegarde créé avec « Sauvegarder tous les brouillons », dans ce navigateur ou un autre. Les brouillons qui se trouvent ici sont gardés ; on vous demandera quoi faire de ceux que la sauvegarde contient aussi.
safe-restore-stopped = « { $name } » n'a pas pu être rétabli : { $error }. { $count ->
    [0] Aucun brouillon n'avait été rétabli avant lui ; les autres ne l'ont pas été.
    [one] { $count } brouillon avait été rétabli avant lui ; les autres ne l'ont pas été.
   *[other] { $count } brouillons avaient été rétablis avant lui ; les autres ne l'ont pas été.
}
check-change-answer = Modifier votre réponse
check-change-answer-to = à la question : { $label }
check-warnings-heading = Avertissements de cohérence
questions-done = Terminé
questions-to-answer = { $count ->
    [one] { $count } question sans réponse
   *[other] { $count } questions sans réponse
}

## Errors as the user reads them (each enum's Display stays English, for logs and tests)

size-megabytes = { $size } Mo
error-file-too-big = le fichier fait { $size } ; l'application lit des fichiers d'au plus { $limit }
error-file-unreadable = le navigateur n'a pas pu lire le fichier ({ $reason })
error-worker-not-started = le navigateur n'a pas lancé l'assistant des fichiers et des PDF de l'application ({ $reason })
error-worker-not-loaded = l'assistant des fichiers et des PDF de l'application n'a pas pu être chargé
error-worker-crashed = l'assistant des fichiers et des PDF de l'application a échoué ({ $reason })
error-worker-other-version = l'assistant des fichiers et des PDF vient d'une autre version de l'application ({ $version }) ; rechargez la page
error-worker-garbled = l'assistant des fichiers et des PDF a donné une réponse que cette page ne peut pas lire ({ $reason })
error-worker-not-sent = la demande n'a pas pu être envoyée ({ $reason })
error-worker-pdf-timed-out = l'assistant des fichiers et des PDF n'a pas répondu à temps ; rechargez la page et réessayez
error-worker-file-timed-out = le lecteur de fichiers n'a pas répondu à temps ; rechargez la page et réessayez
error-worker-unexpected = l'assistant a donné une réponse inattendue ; rechargez la page et réessayez
error-worker-abandoned = la page a cessé d'attendre la réponse
error-file-problems = le fichier comporte des problèmes
error-download-file = le navigateur n'a pas pu créer le fichier ({ $reason })
error-download-no-document = la page n'a pas de document où placer le téléchargement
error-download-no-link = le lien de téléchargement n'a pas pu être créé
error-storage-unavailable = ce navigateur ne laisse pas la page enregistrer
error-storage-refused = le navigateur a refusé d'enregistrer le brouillon ({ $reason })
error-storage-mismatch = la copie enregistrée ne correspondait pas au brouillon à la relecture
error-content-not-in-build = cette version de l'application n'a pas de fichier de contenu { $language ->
    [fr] en français
   *[en] en anglais
}
error-content-offline = le fichier de contenu n'a pas pu être récupéré (hors ligne, et pas encore gardé pour une utilisation hors ligne)
error-content-status = le fichier de contenu n'a pas pu être récupéré (le serveur a répondu { $status })
error-signing-no-crypto = ce navigateur n'offre pas la cryptographie nécessaire à la signature (WebCrypto) ; ouvrez l'application en https ou dans un navigateur à jour
error-signing-no-key-store = ce navigateur ne laisse pas la page garder une clé de signature (IndexedDB est désactivé, comme dans certaines fenêtres de navigation privée)
error-signing-browser = le navigateur n'a pas pu signer : { $reason }
error-library-not-checked = les clauses n'ont pas pu être vérifiées
review-comment-meta-resolved = { $author }, { $time } (réglé)

## Problems in an imported file, by kind (the rest are in the pipeline's English)

diag-or = ou
diag-missing-field = `{ $field }:` manque ici : ajoutez-le
diag-unknown-field = `{ $field }` n'a pas sa place ici
diag-unknown-field-allowed = `{ $field }` n'a pas sa place ici : cette partie du fichier contient { $allowed }
diag-wrong-type = ceci est { $found ->
    [list] une liste
    [mapping] un tableau associatif (des lignes `clé: valeur`)
    [empty] vide
    [text] le texte { $value }
    [yes_no] { $value } (oui ou non)
   *[number] le nombre { $value }
}, mais ce devrait être { $expected ->
    [text] du texte
    [true_false] vrai ou faux (true ou false)
    [whole_number] un nombre entier
    [list] une liste
    [mapping] un tableau associatif (des lignes `clé: valeur`)
   *[number] un nombre
}
diag-syntax = le YAML est mal formé ici ({ $detail })
diag-too-large = le fichier fait { $size } octets, plus que la limite de { $max } octets : divisez-le en fichiers plus petits

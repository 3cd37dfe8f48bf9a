<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="78"/>
        <source>not stated</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="82"/>
        <source>Version {version}. Content last reviewed: {date}. {pages} pages and {terms} glossary terms.</source>
        <translation>Versión {version}. Última revisión del contenido: {date}. {pages} páginas y {terms} términos del glosario.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="86"/>
        <source>&lt;p&gt;&lt;b&gt;This is information, not medical advice.&lt;/b&gt; It cannot tell you what is right for you. Please talk to your care team about your own treatment. In a crisis, call your local emergency number (911 in the US, 999 in the UK, 112 in the EU), or in the US call or text 988.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Esto es información, no consejo médico.&lt;/b&gt; No puede decirle qué es lo adecuado para usted. Hable con su equipo de atención médica sobre su propio tratamiento. En una crisis, llame al número de emergencias de su país (911 en Estados Unidos y en México, 112 en España y en la Unión Europea, 999 en el Reino Unido) o, en Estados Unidos, llame o envíe un mensaje de texto al 988 (para hablar en español, oprima 2).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="90"/>
        <source>&lt;h3&gt;How the information is chosen&lt;/h3&gt;&lt;p&gt;The articles are written in plain language from published research: clinical trials, reviews of many trials, guidance from health services, and patient pages of large clinics. Each article lists its sources and the date it was last reviewed, and says how strong the evidence is. Where research is mixed or missing, the article says so. Clinicians&apos; opinions are shown as opinions, next to what trials found.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cómo se elige la información&lt;/h3&gt;&lt;p&gt;Los artículos están escritos en palabras sencillas a partir de investigaciones publicadas: ensayos clínicos, revisiones de muchos ensayos, guías de los servicios de salud y páginas para pacientes de clínicas grandes. Cada artículo indica sus fuentes y la fecha de su última revisión, y dice qué tan sólida es la evidencia. Cuando los resultados de las investigaciones no coinciden o todavía faltan, el artículo lo dice. Las opiniones de los profesionales de salud se presentan como opiniones, junto a lo que encontraron los ensayos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="96"/>
        <source>&lt;h3&gt;Independence and privacy&lt;/h3&gt;&lt;p&gt;This is an independent project with no funding from the makers of TMS devices. The app never connects to the internet and sends nothing anywhere; links to websites open in your own browser only after you agree.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Independencia y privacidad&lt;/h3&gt;&lt;p&gt;Este es un proyecto independiente, sin dinero de los fabricantes de equipos de EMT. La aplicación nunca se conecta a internet y no envía nada a ningún lugar; los enlaces a sitios web se abren en su propio navegador solo después de que usted lo acepte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="100"/>
        <source>&lt;h3&gt;Licence&lt;/h3&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Licencia&lt;/h3&gt;&lt;p&gt;Software libre con la licencia MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="105"/>
        <source>About {name}</source>
        <translation>Acerca de {name}</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../tms_info/ui/accessibility.py" line="20"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../tms_info/ui/texts.py" line="16"/>
        <source>TMS Information</source>
        <translation>Información sobre la EMT</translation>
    </message>
</context>
<context>
    <name>ArticleAccessibility</name>
    <message>
        <location filename="../../tms_info/ui/article_accessibility.py" line="136"/>
        <source>Figure</source>
        <translation>Figura</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="108"/>
        <source>Page: {title}</source>
        <translation>Página: {title}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="109"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="111"/>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="113"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="114"/>
        <source>Website: {address}</source>
        <translation>Sitio web: {address}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="154"/>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="227"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="229"/>
        <source>The page you are reading. Press Tab to move between its links.</source>
        <translation>La página que está leyendo. Presione Tabulador para moverse entre sus enlaces.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="293"/>
        <location filename="../../tms_info/ui/article_view.py" line="368"/>
        <source>{word}: {meaning}</source>
        <translation>{word}: {meaning}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="324"/>
        <source>Ticked: {question}</source>
        <translation>Marcada: {question}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/article_view.py" line="325"/>
        <source>Not ticked: {question}</source>
        <translation>Sin marcar: {question}</translation>
    </message>
</context>
<context>
    <name>ClinicName</name>
    <message>
        <location filename="../../tms_info/ui/clinic_name.py" line="24"/>
        <source>Clinic: {name}</source>
        <translation>Clínica: {name}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../tms_info/ui/texts.py" line="35"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tms_info/ui/texts.py" line="38"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Date</name>
    <message>
        <location filename="../../tms_info/ui/translation.py" line="51"/>
        <source>d MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="21"/>
        <location filename="../../tms_info/ui/find_bar.py" line="22"/>
        <source>Find on this page</source>
        <translation>Buscar en esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="26"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="27"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Mayúsculas+F3)</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="28"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="29"/>
        <source>Next match (F3 or Enter)</source>
        <translation>Coincidencia siguiente (F3 o Intro)</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="30"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="31"/>
        <source>Close the find bar (Escape)</source>
        <translation>Cerrar la barra de búsqueda (Escape)</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="32"/>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="95"/>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/find_bar.py" line="98"/>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="114"/>
        <source>Filter terms</source>
        <translation>Filtrar términos</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="115"/>
        <source>Filter glossary terms</source>
        <translation>Filtrar los términos del glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="116"/>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="120"/>
        <source>Glossary terms, A to Z</source>
        <translation>Términos del glosario, de la A a la Z</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="124"/>
        <source>Glossary entry</source>
        <translation>Entrada del glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="125"/>
        <source>No term matches. Try fewer letters.</source>
        <translation>Ningún término coincide. Pruebe con menos letras.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="128"/>
        <source>&amp;Find a term:</source>
        <translation>&amp;Buscar un término:</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="138"/>
        <source>Glossary terms and entry</source>
        <translation>Términos del glosario y entrada</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/glossary_panel.py" line="245"/>
        <source>&lt;p&gt;Choose a term from the list to read what it means.&lt;/p&gt;&lt;p&gt;In the articles, words with a glossary entry have a dotted underline. Point at one, or reach it with Tab, to see a short meaning; click it to read the full entry here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Elija un término de la lista para leer qué significa.&lt;/p&gt;&lt;p&gt;En los artículos, las palabras que tienen una entrada en el glosario tienen un subrayado de puntos. Ponga el ratón sobre una, o llegue a ella con Tab, para ver un significado breve; haga clic en ella para leer aquí la entrada completa.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../tms_info/handouts.py" line="59"/>
        <source>Information, not medical advice: talk to your care team about your own treatment. In a crisis call 911 or 988 (US), 999 or 116 123 (UK), 112 (EU).</source>
        <translation>Información, no consejo médico: hable con su equipo de atención médica sobre su propio tratamiento. En una crisis, llame al 911 o al 988 (Estados Unidos; en español, oprima 2), al 911 (México), al 112 (España y la UE), al 999 o al 116 123 (Reino Unido).</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="109"/>
        <source>Phone: {phone}</source>
        <translation>Teléfono: {phone}</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="110"/>
        <source>Your clinic</source>
        <translation>Su clínica</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="111"/>
        <source>Ask us about anything in this handout, or about your own treatment.</source>
        <translation>Pregúntenos sobre cualquier cosa de esta hoja o sobre su propio tratamiento.</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="153"/>
        <source>the file or printer could not be opened for writing</source>
        <translation>no se pudo abrir el archivo o la impresora para escribir</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="172"/>
        <source>Page {number} of {pages}</source>
        <translation>Página {number} de {pages}</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="175"/>
        <source>the handout could not be finished (is the disk full?)</source>
        <translation>no se pudo terminar la hoja informativa (¿está lleno el disco?)</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="190"/>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="192"/>
        <source>{file} is a folder; give a file name ending in .pdf</source>
        <translation>{file} es una carpeta; escriba un nombre de archivo que termine en .pdf</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="198"/>
        <source>cannot write in {folder} ({reason})</source>
        <translation>no se puede escribir en {folder} ({reason})</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="209"/>
        <source>the file could not be written completely (is the disk full?)</source>
        <translation>no se pudo escribir el archivo completo (¿está lleno el disco?)</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="213"/>
        <source>cannot write {file} ({reason})</source>
        <translation>no se puede escribir {file} ({reason})</translation>
    </message>
    <message>
        <location filename="../../tms_info/handouts.py" line="233"/>
        <source>cannot make the folder {folder} ({reason})</source>
        <translation>no se puede crear la carpeta {folder} ({reason})</translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <location filename="../../tms_info/ui/idle_notice.py" line="31"/>
        <source>Keep reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/idle_notice.py" line="42"/>
        <source>Still reading? Starting again in {seconds} seconds.</source>
        <translation>¿Sigue leyendo? Se volverá al inicio en {seconds} segundos.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/idle_notice.py" line="52"/>
        <source>Press any key to keep reading.</source>
        <translation>Pulse cualquier tecla para seguir leyendo.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="20"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tabulador, Mayúsculas+Tabulador</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="22"/>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="24"/>
        <source>Up, Down</source>
        <translation>Flecha arriba, flecha abajo</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="26"/>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="27"/>
        <source>Ctrl + mouse wheel</source>
        <translation>Control + rueda del ratón</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="28"/>
        <source>Mouse back and forward buttons</source>
        <translation>Botones de atrás y adelante del ratón</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tms_info/ui/side_panels.py" line="44"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/side_panels.py" line="45"/>
        <source>My pages</source>
        <translation>Mis páginas</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="106"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/window_layout.py" line="26"/>
        <source>Topics and article</source>
        <translation>Índice y artículo</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="98"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/notice_bar.py" line="44"/>
        <source>Some of the clinic&apos;s settings or pages could not be used, so the standard ones are shown. Staff: the details are in the log ({problems}).</source>
        <translation>No se pudieron usar algunos ajustes o páginas de la clínica, así que se muestran los habituales. Personal de la clínica: los detalles están en el registro ({problems}).</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="37"/>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="38"/>
        <source>Go to the home page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="39"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="40"/>
        <source>Go back to the previous page</source>
        <translation>Volver a la página anterior</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="41"/>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="42"/>
        <source>Go forward again</source>
        <translation>Ir de nuevo hacia adelante</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="43"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="44"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="45"/>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="46"/>
        <source>Help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="47"/>
        <source>Crisis lines and what to do in an emergency</source>
        <translation>Líneas de crisis y qué hacer en una emergencia</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="48"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="49"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="50"/>
        <source>Print this page as a handout</source>
        <translation>Imprimir esta página como hoja informativa</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="51"/>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="52"/>
        <source>Save this page as a PDF handout</source>
        <translation>Guardar esta página como hoja informativa en PDF</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="53"/>
        <source>&amp;Search…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="54"/>
        <source>Search the articles and the glossary</source>
        <translation>Buscar en los artículos y en el glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="55"/>
        <source>&amp;Find on this page…</source>
        <translation>Buscar en esta &amp;página…</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="56"/>
        <source>Find &amp;next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="57"/>
        <source>Find &amp;previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="59"/>
        <source>&amp;Save this page</source>
        <translation>&amp;Guardar esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="60"/>
        <source>Save this page to My pages, or take it off</source>
        <translation>Guardar esta página en Mis páginas, o quitarla</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="61"/>
        <location filename="../../tms_info/ui/main_window.py" line="235"/>
        <location filename="../../tms_info/ui/toolbar.py" line="57"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="63"/>
        <source>Move to the next area: topics, article, glossary, My pages, search</source>
        <translation>Ir al área siguiente: índice, artículo, glosario, Mis páginas, búsqueda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="235"/>
        <location filename="../../tms_info/ui/toolbar.py" line="57"/>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="62"/>
        <source>Next area</source>
        <translation>Área siguiente</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="64"/>
        <source>Previous area</source>
        <translation>Área anterior</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="66"/>
        <source>&amp;My pages</source>
        <translation>&amp;Mis páginas</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="67"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="68"/>
        <source>&amp;About {name}</source>
        <translation>A&amp;cerca de {name}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="65"/>
        <source>&amp;Glossary</source>
        <translation>&amp;Glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/toolbar.py" line="22"/>
        <location filename="../../tms_info/ui/toolbar.py" line="24"/>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/toolbar.py" line="50"/>
        <source>More buttons</source>
        <translation>Más botones</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="76"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="77"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="78"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="80"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="84"/>
        <source>&amp;Colours</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="85"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/actions.py" line="82"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="167"/>
        <source>There is no page called “{page}”, so the home page is shown.</source>
        <translation>No hay ninguna página llamada “{page}”, así que se muestra la página de inicio.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="212"/>
        <source>Page not found</source>
        <translation>Página no encontrada</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/reading_pane.py" line="80"/>
        <source>This page has no part called “{part}”; showing its start.</source>
        <translation>Esta página no tiene ninguna parte llamada “{part}”; se muestra desde el principio.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="245"/>
        <source>Saved to My pages.</source>
        <translation>Guardada en Mis páginas.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="246"/>
        <source>Taken off My pages.</source>
        <translation>Quitada de Mis páginas.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/link_follower.py" line="48"/>
        <source>That part of the page could not be found.</source>
        <translation>No se encontró esa parte de la página.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/link_follower.py" line="58"/>
        <source>This link cannot be opened by the app, for your safety.</source>
        <translation>Por su seguridad, la aplicación no puede abrir este enlace.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="259"/>
        <source>Ticked. Print the page (Ctrl+P) to take your ticks with you.</source>
        <translation>Marcado. Imprima la página (Control+P) para llevarse sus marcas.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="260"/>
        <source>Unticked.</source>
        <translation>Desmarcado.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="19"/>
        <source>There is nothing to print on this page.</source>
        <translation>No hay nada que imprimir en esta página.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="35"/>
        <source>Print “{title}”</source>
        <translation>Imprimir “{title}”</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="46"/>
        <source>Could not print</source>
        <translation>No se pudo imprimir</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="47"/>
        <source>The page could not be printed: {reason}.</source>
        <translation>No se pudo imprimir la página: {reason}.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="49"/>
        <source>Sent “{title}” to the printer.</source>
        <translation>Se envió “{title}” a la impresora.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="59"/>
        <source>Save this page as a PDF</source>
        <translation>Guardar esta página como PDF</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="61"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="72"/>
        <source>Could not save the PDF</source>
        <translation>No se pudo guardar el PDF</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="73"/>
        <source>The PDF was not saved: {reason}. Nothing was changed. Try another folder.</source>
        <translation>No se guardó el PDF: {reason}. No se cambió nada. Pruebe con otra carpeta.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/paper.py" line="76"/>
        <source>Saved {file} ({pages}).</source>
        <translation>Se guardó {file} ({pages}).</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="264"/>
        <source>This word has no glossary entry.</source>
        <translation>Esta palabra no tiene entrada en el glosario.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/link_follower.py" line="68"/>
        <source>This computer does not open websites. The address is {address}</source>
        <translation>Esta computadora no abre sitios web. La dirección es {address}</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/link_follower.py" line="72"/>
        <source>Open a website?</source>
        <translation>¿Abrir un sitio web?</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/link_follower.py" line="73"/>
        <source>This link goes to a website:

{address}

It will open in your web browser, outside this app, and needs an internet connection. Open it?</source>
        <translation>Este enlace lleva a un sitio web:

{address}

Se abrirá en su navegador, fuera de esta aplicación, y necesita conexión a internet. ¿Quiere abrirlo?</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/main_window.py" line="302"/>
        <source>Text size {size}%</source>
        <translation>Tamaño del texto: {size} %</translation>
    </message>
</context>
<context>
    <name>MyPages</name>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="37"/>
        <source>Saved pages</source>
        <translation>Páginas guardadas</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="39"/>
        <source>Pages you saved with the star. Press Delete to take one off the list.</source>
        <translation>Las páginas que guardó con la estrella. Presione Suprimir para quitar una de la lista.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="42"/>
        <source>Recently read</source>
        <translation>Leídas hace poco</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="44"/>
        <source>No saved pages yet. Press the star (Ctrl+D) on a page to keep it here.</source>
        <translation>Todavía no hay páginas guardadas. Haga clic en la estrella (Control+D) de una página para guardarla aquí.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="46"/>
        <source>Remove from saved pages</source>
        <translation>Quitar de las páginas guardadas</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="48"/>
        <source>&amp;Saved pages</source>
        <translation>Páginas &amp;guardadas</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/my_pages.py" line="50"/>
        <source>&amp;Recently read</source>
        <translation>&amp;Leídas hace poco</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../tms_info/ui/notice_bar.py" line="20"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/notice_bar.py" line="23"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/notice_bar.py" line="24"/>
        <source>Close the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../tms_info/content/render.py" line="27"/>
        <source>Strong evidence: many good studies agree.</source>
        <translation>Evidencia sólida: muchos estudios buenos están de acuerdo.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="28"/>
        <source>Moderate evidence: good studies, but results vary or some questions are still open.</source>
        <translation>Evidencia moderada: hay estudios buenos, pero los resultados varían o quedan preguntas abiertas.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="30"/>
        <source>Mixed results: some studies found an effect and others did not.</source>
        <translation>Resultados mixtos: algunos estudios encontraron un efecto y otros no.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="31"/>
        <source>Low certainty: the studies had no comparison group, or few people, so the true effect is unclear.</source>
        <translation>Certeza baja: los estudios no tenían grupo de comparación, o tenían pocas personas, así que el efecto real no está claro.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="33"/>
        <source>Early research: few or small studies so far.</source>
        <translation>Investigación inicial: por ahora hay pocos estudios, o estudios pequeños.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="107"/>
        <source>Opening this page…</source>
        <translation>Abriendo esta página…</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="147"/>
        <location filename="../../tms_info/content/render.py" line="189"/>
        <source>Last reviewed: {date}</source>
        <translation>Revisado: {date}</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="149"/>
        <source>TMS Information</source>
        <translation>Información sobre la EMT</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="171"/>
        <source>How strong is the evidence?</source>
        <translation>¿Qué tan sólida es la evidencia?</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="180"/>
        <source>Feeling unsafe or in crisis?</source>
        <translation>¿Se siente en peligro o en crisis?</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="181"/>
        <location filename="../../tms_info/content/render.py" line="271"/>
        <source>Get help now</source>
        <translation>Busque ayuda ahora</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="186"/>
        <location filename="../../tms_info/pagination.py" line="159"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="222"/>
        <source>In this section</source>
        <translation>En esta sección</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="226"/>
        <source>your clinic</source>
        <translation>su clínica</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="227"/>
        <source>This entry was written by {who}, not by the TMS Information team, and is not part of its reviewed library.</source>
        <translation>Esta entrada la escribió {who}, no el equipo de Información sobre la EMT, y no forma parte de su biblioteca revisada.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="229"/>
        <source>This page was written by {who}, not by the TMS Information team, and is not part of its reviewed library.</source>
        <translation>Esta página la escribió {who}, no el equipo de Información sobre la EMT, y no forma parte de su biblioteca revisada.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="231"/>
        <source>From {who}.</source>
        <translation>De {who}.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="236"/>
        <source>This page is not translated into your language yet, so it is shown in English.</source>
        <translation>Esta página todavía no está traducida al español, así que se muestra en inglés.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="243"/>
        <source>Also called:</source>
        <translation>También se llama:</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="250"/>
        <source>The rest of this entry could not be shown. Staff: the details are in the log.</source>
        <translation>No se pudo mostrar el resto de esta entrada. Personal: los detalles están en el registro.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="255"/>
        <source>See also:</source>
        <translation>Vea también:</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="260"/>
        <source>Read more:</source>
        <translation>Lea más:</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="268"/>
        <location filename="../../tms_info/content/render.py" line="284"/>
        <source>Go to the home page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="273"/>
        <source>Something in the page “{title}” could not be prepared for reading. The other pages are not affected.</source>
        <translation>Algo en la página “{title}” no se pudo preparar para leer. Las demás páginas no están afectadas.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="275"/>
        <source>This page could not be shown</source>
        <translation>No se pudo mostrar esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="276"/>
        <source>Staff: the details are in the log.</source>
        <translation>Personal: los detalles están en el registro.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="281"/>
        <source>We could not find the page “{page}”. It may have been moved or removed.</source>
        <translation>No encontramos la página “{page}”. Puede que la hayan movido o quitado.</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="282"/>
        <source>Page not found</source>
        <translation>Página no encontrada</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="283"/>
        <source>Go back to the page you were reading</source>
        <translation>Volver a la página que estaba leyendo</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/render.py" line="202"/>
        <source>Funded by {funder}</source>
        <translation>Financiado por {funder}</translation>
    </message>
</context>
<context>
    <name>PageOutline</name>
    <message>
        <location filename="../../tms_info/ui/page_outline.py" line="46"/>
        <location filename="../../tms_info/ui/page_outline.py" line="47"/>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/page_outline.py" line="48"/>
        <source>Go to a part of this page</source>
        <translation>Ir a una parte de esta página</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/page_outline.py" line="55"/>
        <source>Parts of this page</source>
        <translation>Partes de esta página</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../tms_info/cli.py" line="217"/>
        <source>  (from your clinic)</source>
        <translation>  (de su clínica)</translation>
    </message>
    <message>
        <location filename="../../tms_info/cli.py" line="223"/>
        <source>Glossary words close to what you typed: {words}</source>
        <translation>Palabras del glosario parecidas a lo que escribió: {words}</translation>
    </message>
    <message>
        <location filename="../../tms_info/cli.py" line="226"/>
        <source>Topics: {topics}</source>
        <translation>Temas: {topics}</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/search.py" line="260"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/search.py" line="296"/>
        <source>Showing results for {words}</source>
        <translation>Resultados para {words}</translation>
    </message>
    <message>
        <location filename="../../tms_info/content/search.py" line="300"/>
        <source>No results. Try fewer or simpler words, or pick a topic from the list.</source>
        <translation>No hay resultados. Pruebe con menos palabras o con palabras más sencillas, o elija un tema de la lista.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="53"/>
        <source>Help now is the first result: crisis lines you can call or text now.</source>
        <translation>Ayuda ahora es el primer resultado: líneas de crisis a las que puede llamar o escribir ahora.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="200"/>
        <source>Search, e.g. “does it hurt”</source>
        <translation>Buscar, por ejemplo “duele”</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="201"/>
        <source>Search the articles and the glossary</source>
        <translation>Buscar en los artículos y en el glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="202"/>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="210"/>
        <location filename="../../tms_info/ui/search_box.py" line="220"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="276"/>
        <source>Search is unavailable: {reason}. You can still pick a topic from the list.</source>
        <translation>La búsqueda no está disponible: {reason}. Puede elegir una página del índice.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="296"/>
        <source>Search is getting ready…</source>
        <translation>La búsqueda se está preparando…</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="303"/>
        <source>Search is unavailable: {reason}.</source>
        <translation>La búsqueda no está disponible: {reason}.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="309"/>
        <source>Close glossary words: {words}.</source>
        <translation>Palabras parecidas del glosario: {words}.</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="321"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="346"/>
        <source>Help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="349"/>
        <source>From your clinic</source>
        <translation>De su clínica</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/search_box.py" line="362"/>
        <source>from your clinic</source>
        <translation>de su clínica</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="21"/>
        <source>Move between links on a page, and between parts of the window</source>
        <translation>Moverse entre los enlaces de una página y entre las partes de la ventana</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="23"/>
        <source>Follow the link you are on; open the chosen topic or search result</source>
        <translation>Seguir el enlace en el que está; abrir la página o el resultado de búsqueda elegido</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="25"/>
        <source>Move in the list of topics, glossary terms or search results</source>
        <translation>Moverse por el índice, los términos del glosario o los resultados de búsqueda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="26"/>
        <source>Close search results or the find bar</source>
        <translation>Cerrar los resultados de búsqueda o la barra de búsqueda</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="27"/>
        <source>Larger or smaller text</source>
        <translation>Texto más grande o más pequeño</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="29"/>
        <source>Back and Forward</source>
        <translation>Atrás y Adelante</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="66"/>
        <location filename="../../tms_info/ui/dialogs.py" line="73"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/dialogs.py" line="67"/>
        <source>Everything in the app can be done with the keyboard.</source>
        <translation>Todo en la aplicación se puede hacer con el teclado.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../tms_info/ui/theme.py" line="17"/>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/theme.py" line="17"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/theme.py" line="18"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/theme.py" line="18"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
</context>
<context>
    <name>TopicTree</name>
    <message>
        <location filename="../../tms_info/ui/topic_tree.py" line="31"/>
        <source>Topics</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../tms_info/ui/topic_tree.py" line="33"/>
        <source>All pages, grouped by section. Use the arrow keys to move and open a page.</source>
        <translation>Todas las páginas, agrupadas por sección. Use las flechas del teclado para moverse y abrir una página.</translation>
    </message>
</context>
<context>
    <name>Translation</name>
    <message>
        <location filename="../../tms_info/ui/translation.py" line="38"/>
        <source>The window&apos;s {language} words are missing: reinstall the app to get them.</source>
        <translation>Faltan las palabras de la ventana en {language}: vuelva a instalar la aplicación para tenerlas.</translation>
    </message>
</context>
</TS>

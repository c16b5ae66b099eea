<?xml version="1.0" encoding="UTF-8"?>
<!--
  Feedwright's browser view of its feeds: every RSS and Atom file names this stylesheet, so that a
  feed opened in a browser shows a readable page instead of raw XML. XSLT 1.0, no script.
  Feed readers ignore it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:media="http://search.yahoo.com/mrss/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom media dc">

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:variable name="rss" select="/rss/channel"/>
  <xsl:variable name="atom" select="/atom:feed"/>
  <xsl:variable name="title" select="$rss/title | $atom/atom:title"/>
  <xsl:variable name="self" select="$rss/atom:link[@rel='self']/@href | $atom/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="$rss/link | $atom/atom:link[@rel='alternate']/@href"/>

  <xsl:template match="/">
    <html lang="{$rss/language | $atom/@xml:lang}">
      <head>
        <!-- No <meta charset>: the html output method puts its own META with the encoding first in
             the head (XSLT 1.0, 16.2), and a page may not declare it twice. -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5; color: #1d1d1f;
                 max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          .note { background: #eef5ff; border: 1px solid #b9d4ff; border-radius: .5rem; padding: .75rem 1rem; }
          .note code { display: block; margin-top: .4rem; padding: .3rem .5rem; background: #fff; border-radius: .3rem;
                       overflow-wrap: anywhere; font-size: .9rem; user-select: all; }
          h1 { font-size: 1.6rem; margin: 1.25rem 0 .25rem; }
          .lead { color: #555; margin: 0 0 .5rem; }
          article { display: flex; gap: 1rem; padding: 1rem 0; border-top: 1px solid #e5e5e5; }
          article img { width: 7rem; height: 4.5rem; object-fit: cover; border-radius: .3rem; flex: none; background: #eee; }
          article h2 { font-size: 1.05rem; margin: 0 0 .2rem; }
          article h2 a { color: #0645ad; text-decoration: none; }
          article h2 a:hover { text-decoration: underline; }
          .meta { color: #666; font-size: .85rem; margin: 0 0 .3rem; }
          .summary { margin: 0; }
        </style>
      </head>
      <body>
        <p class="note"><strong>This is a feed.</strong> To subscribe, copy its address into your feed reader
          (Feedly, Miniflux, FreshRSS, NetNewsWire, Thunderbird, …):<code><xsl:value-of select="$self"/></code></p>
        <h1><xsl:value-of select="$title"/></h1>
        <p class="lead"><xsl:value-of select="$rss/description | $atom/atom:subtitle"/></p>
        <p><a href="{$home}">All feeds</a></p>
        <main>
          <xsl:apply-templates select="$rss/item | $atom/atom:entry"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <article>
      <xsl:call-template name="thumbnail"/>
      <div>
        <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
        <p class="meta">
          <xsl:value-of select="substring(pubDate, 6, 11)"/>
          <xsl:if test="source"> · <xsl:value-of select="source"/></xsl:if>
        </p>
        <p class="summary">
          <xsl:call-template name="unescape">
            <xsl:with-param name="text" select="description"/>
          </xsl:call-template>
        </p>
      </div>
    </article>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article>
      <xsl:call-template name="thumbnail"/>
      <div>
        <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
        <p class="meta">
          <xsl:value-of select="substring(atom:published, 1, 10)"/>
          <xsl:if test="atom:author/atom:name"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if>
        </p>
        <p class="summary"><xsl:value-of select="atom:summary"/></p>
      </div>
    </article>
  </xsl:template>

  <xsl:template name="thumbnail">
    <xsl:if test="media:thumbnail/@url">
      <img src="{media:thumbnail/@url}" alt="" loading="lazy" referrerpolicy="no-referrer"/>
    </xsl:if>
  </xsl:template>

  <!-- An RSS description is escaped HTML text: its entities &amp;amp;, &amp;lt; and &amp;gt; are turned
       back into the characters they stand for, which are written as text again, so that nothing in
       it is ever read as markup. -->
  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:variable name="half" select="floor(string-length($text) div 2)"/>
    <xsl:variable name="after" select="substring($text, $half + 1)"/>
    <xsl:choose>
      <!-- Long text in two halves, cut just before an & so that no reference is cut: the recursion
           then goes as deep as the logarithm of the text's length, not its number of references
           (libxslt, in Chrome, stops at a depth of 3,000 and shows nothing). -->
      <xsl:when test="string-length($text) &gt; 256 and contains($after, '&amp;')">
        <xsl:variable name="cut" select="$half + string-length(substring-before($after, '&amp;'))"/>
        <xsl:call-template name="unescape">
          <xsl:with-param name="text" select="substring($text, 1, $cut)"/>
        </xsl:call-template>
        <xsl:call-template name="unescape">
          <xsl:with-param name="text" select="substring($text, $cut + 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:value-of select="substring-before($text, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')">&amp;<xsl:call-template name="unescape">
              <xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')">&lt;<xsl:call-template name="unescape">
              <xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')">&gt;<xsl:call-template name="unescape">
              <xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:otherwise>&amp;<xsl:call-template name="unescape">
              <xsl:with-param name="text" select="$rest"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

/** What Kira tells a reader who may be at risk: crisis signals and the resources to lead with. */
package com.askkira.safety;
